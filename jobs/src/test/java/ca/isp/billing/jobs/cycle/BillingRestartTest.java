package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Restart, the way the Spring Batch restart sample shows it: a cycle fails in a middle step,
 * the partial state is asserted, the same command runs again and the cycle completes with
 * exactly what an uninterrupted run of the same input gives: one invoice per account, no line,
 * fee, ledger entry or letter twice.
 *
 * <p>A fault is armed on the Nth chunk of a step counted across its two partitions, which run
 * on two threads: which partition writes the Nth chunk, and how many chunks it wrote before,
 * depends on how the threads interleave. The partial state is therefore asserted as one of the
 * few exact states a fault on that chunk can leave (see {@link #writtenBeforeFault}), each
 * recomputed from the input files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingRestartTest {

    private static final int ACCOUNTS = 60;
    private static final long SEED = 11;
    /** billing.chunk-size and billing.grid-size of BillingRun; render and hand-off take a quarter of the chunk size. */
    private static final int CHUNK = 8;
    private static final int HANDOFF_CHUNK = CHUNK / 4;
    private static final int PARTITIONS = 2;

    private DemoInputs inputs;
    private Map<String, String> cleanTotals;
    private Map<String, Long> cleanCounts;
    private List<String> cleanAccounts;

    @BeforeAll
    void uninterruptedRun() throws Exception {
        try (BillingRun clean = BillingRun.onH2()) {
            clean.generateAndImport(ACCOUNTS, SEED);
            inputs = DemoInputs.read(clean.home());
            assertThat(clean.bill()).isEqualTo(Result.COMPLETED);
            cleanTotals = CycleTestSupport.invoiceTotals(clean.jdbc(), CYCLE);
            cleanCounts = CycleTestSupport.tableCounts(clean.jdbc());
            cleanAccounts = CycleTestSupport.invoicedAccounts(clean.jdbc(), CYCLE, "ISSUED");
        }
        // One invoice per due account with a line to bill (the input files): the seed-11 ISP has
        // 58 due accounts, 55 of them with a line to bill.
        assertThat(cleanAccounts)
                .containsExactlyInAnyOrderElementsOf(DemoInputs.accountNumbers(inputs.invoiced(CYCLE)))
                .hasSize(55);
        assertThat(cleanTotals).hasSize(55);
    }

    @Test
    void failureOnTheThirdChunkOfChargeThenRerunBillsEverythingOnce() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given the charge step fails on its 3rd chunk (counted across both partitions)
            run.faults().arm("charge", 3);
            assertThat(run.bill()).isEqualTo(Result.FAILED);

            // then the accounts of the committed chunks (8 due accounts each) are charged, the
            // failed chunk and what follows it in its partition are not, nothing is issued
            List<List<String>> dueByPartition = partitions(jdbc, inputs.due(CYCLE));
            // the seed-11 ISP: 28 and 30 due accounts, 4 chunks in each partition, so 28, 36 or 44
            // charged if the first partition is the one stopped, 30, 38 or 46 if the second is
            assertThat(dueByPartition).extracting(List::size).containsExactly(28, 30);
            Set<String> charged = new HashSet<>();
            dueByPartition.forEach(charged::addAll);
            charged.removeAll(jdbc.queryForList("SELECT account_number FROM account WHERE next_bill_date <= ?",
                    String.class, CYCLE));
            assertThat(charged).isIn(writtenBeforeFault(dueByPartition, CHUNK, 3));
            Set<String> drafts = DemoInputs.accountNumbers(inputs.invoiced(CYCLE).stream()
                    .filter(a -> charged.contains(a.number())).toList());
            assertThat(CycleTestSupport.invoicedAccounts(jdbc, CYCLE, "DRAFT")).containsExactlyInAnyOrderElementsOf(drafts);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status <> 'DRAFT'",
                    Long.class, CYCLE)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class)).isZero();

            // When the operator runs the same command again
            run.faults().disarm();
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            // then the result is exactly the uninterrupted run's
            assertThat(CycleTestSupport.invoiceTotals(jdbc, CYCLE)).isEqualTo(cleanTotals);
            assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(cleanCounts);
            assertOnceEach(jdbc);
        }
    }

    @Test
    void failureDuringHandoffThenRerunSendsNoLetterOrEmailTwice() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given hand-off fails on its 2nd chunk, after letters and emails of the 1st were written
            run.faults().arm("handoff", 2);
            assertThat(run.bill()).isEqualTo(Result.FAILED);
            // then the deliveries of the committed chunks (2 each) are SENT, the others PENDING: an
            // invoice's deliveries (told apart here as <account number>-<channel>) as its account
            // asked in accounts.csv, PRINT before EMAIL, in account order within a partition
            List<List<String>> deliveriesByPartition = new ArrayList<>();
            for (List<String> accounts : partitions(jdbc, inputs.invoiced(CYCLE))) {
                List<String> keys = new ArrayList<>();
                for (String number : accounts) {
                    DemoInputs.Account account = inputs.accounts().stream()
                            .filter(a -> a.number().equals(number)).findFirst().orElseThrow();
                    account.channels().forEach(channel -> keys.add(account.number() + "-" + channel));
                }
                deliveriesByPartition.add(keys);
            }
            // the seed-11 ISP: 32 and 29 deliveries, so 29 or 31 SENT if the first partition is the
            // one stopped, 32 or 34 if the second is
            assertThat(deliveriesByPartition).extracting(List::size).containsExactly(32, 29);
            Set<String> sent = new HashSet<>(deliveries(jdbc, "SENT"));
            assertThat(sent).isIn(writtenBeforeFault(deliveriesByPartition, HANDOFF_CHUNK, 2));
            Set<String> pending = new HashSet<>();
            deliveriesByPartition.forEach(pending::addAll);
            pending.removeAll(sent);
            assertThat(deliveries(jdbc, "PENDING")).containsExactlyInAnyOrderElementsOf(pending);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                    .isEqualTo(sent.size() + pending.size()).isEqualTo(61);

            run.faults().disarm();
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            assertThat(CycleTestSupport.invoiceTotals(jdbc, CYCLE)).isEqualTo(cleanTotals);
            assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(cleanCounts);
            assertOnceEach(jdbc);
            // Each outbox row was handed over exactly once and the vendor batch holds one letter per PRINT row.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT' OR attempts <> 1", Long.class)).isZero();
            long letters = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE channel = 'PRINT'", Long.class);
            Path batch = run.properties().out().resolve("mail-vendor").resolve(CYCLE.toString());
            try (var files = Files.list(batch)) {
                assertThat(files.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(letters);
            }
            assertThat(Files.readAllLines(batch.resolve("manifest.csv"))).hasSize((int) letters + 1).doesNotHaveDuplicates();
            long emails = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE channel = 'EMAIL'", Long.class);
            try (var files = Files.list(run.properties().out().resolve("email").resolve(CYCLE.toString()))) {
                assertThat(files.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(emails);
            }
        }
    }

    @Test
    void stoppedOnRequestDuringRenderThenResumedBillsEverythingOnce() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given the cycle runs in the background and is asked to stop (what SIGTERM does)
            // once rendering has begun
            run.faults().disarm();
            java.util.concurrent.CompletableFuture<Result> firstRun = java.util.concurrent.CompletableFuture.supplyAsync(run::bill);
            long deadline = System.currentTimeMillis() + 60_000;
            while (jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE rendered_at IS NOT NULL", Long.class) == 0
                    && !firstRun.isDone() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            int stopped = run.bean(ca.isp.billing.jobs.cli.GracefulStop.class).stopRunning();
            Result outcome = firstRun.get();
            org.junit.jupiter.api.Assumptions.assumeTrue(stopped == 1,
                    "the cycle finished before it could be stopped (machine too fast for this drill)");

            // then it ends STOPPED, resumable, with part of the invoices rendered and nothing sent twice
            assertThat(outcome).isEqualTo(Result.STOPPED);
            assertThat(jdbc.queryForObject("SELECT status FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
                    String.class)).isEqualTo("STOPPED");

            // When the same command runs again
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            // then the result is exactly the uninterrupted run's
            assertThat(CycleTestSupport.invoiceTotals(jdbc, CYCLE)).isEqualTo(cleanTotals);
            assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(cleanCounts);
            assertOnceEach(jdbc);
        }
    }

    /**
     * The accounts' numbers per partition, as AccountRangePartitioner splits the accounts into
     * contiguous id ranges of as many accounts each (the first ones one more), in id order (the
     * order the partition's readers take them).
     */
    private static List<List<String>> partitions(JdbcTemplate jdbc, List<DemoInputs.Account> accounts) {
        Set<String> wanted = new HashSet<>();
        accounts.forEach(a -> wanted.add(a.number()));
        List<Map<String, Object>> ids = jdbc.queryForList("SELECT id, account_number FROM account ORDER BY id");
        List<List<String>> partitions = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            partitions.add(new ArrayList<>());
        }
        int n = ids.size();
        for (int row = 0; row < n; row++) {
            String number = (String) ids.get(row).get("ACCOUNT_NUMBER");
            // n / PARTITIONS rows a partition, one more for the first n % PARTITIONS
            int partition = 0;
            while (partition + 1 < PARTITIONS
                    && row >= (partition + 1) * (n / PARTITIONS) + Math.min(partition + 1, n % PARTITIONS)) {
                partition++;
            }
            if (wanted.contains(number)) {
                partitions.get(partition).add(number);
            }
        }
        return partitions;
    }

    /**
     * Every set of items a two-partition step can have written when the fault armed on its
     * {@code failingChunk}th chunk (counted across both partitions) fails it: the partition that
     * reaches that chunk has written its first k chunks (k from 0 to failingChunk - 1, the other
     * partition the remaining failingChunk - 1 - k) and stops; the other partition carries on to
     * its end.
     */
    static <T> List<Set<T>> writtenBeforeFault(List<List<T>> partitions, int chunkSize, int failingChunk) {
        List<Set<T>> outcomes = new ArrayList<>();
        for (int failing = 0; failing < 2; failing++) {
            List<T> stopped = partitions.get(failing);
            List<T> other = partitions.get(1 - failing);
            int otherChunks = (other.size() + chunkSize - 1) / chunkSize;
            for (int k = 0; k < failingChunk; k++) {
                if (stopped.size() > k * chunkSize && otherChunks >= failingChunk - 1 - k) {
                    Set<T> written = new LinkedHashSet<>(other);
                    written.addAll(stopped.subList(0, k * chunkSize));
                    outcomes.add(written);
                }
            }
        }
        return outcomes;
    }

    /** One invoice per account and cycle, one ledger entry per invoice, one fee per overdue invoice. */
    private static void assertOnceEach(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT account_id FROM invoice WHERE cycle_date = ?
                GROUP BY account_id HAVING COUNT(*) > 1) twice""", Long.class, CYCLE)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM invoice i WHERE i.cycle_date = ? AND 1 <> (SELECT COUNT(*) FROM account_ledger g
                WHERE g.entry_type = 'INVOICE' AND g.reference = i.invoice_number)""", Long.class, CYCLE)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT invoice_id FROM late_fee GROUP BY invoice_id, policy_code
                HAVING COUNT(*) > 1) twice""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE next_bill_date <= ?", Long.class, CYCLE)).isZero();
    }

    @AfterAll
    void done() {
        // Nothing to clean: each run lives in its own temporary folder.
    }

    /** The deliveries in a status, as {@code <account number>-<channel>}. */
    private static List<String> deliveries(JdbcTemplate jdbc, String status) {
        return jdbc.queryForList("""
                SELECT a.account_number || '-' || d.channel FROM delivery d JOIN account a ON a.id = d.account_id
                WHERE d.status = ?""", String.class, status);
    }
}
