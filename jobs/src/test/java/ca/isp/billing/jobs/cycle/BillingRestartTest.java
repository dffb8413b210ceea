package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Restart, the way the Spring Batch restart sample shows it: a cycle fails in a middle step,
 * the partial state is asserted, the same command runs again and the cycle completes with
 * exactly what an uninterrupted run of the same input gives: one invoice per account, no line,
 * fee, ledger entry or letter twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingRestartTest {

    private static final int ACCOUNTS = 60;
    private static final long SEED = 11;

    private Map<String, String> cleanTotals;
    private Map<String, Long> cleanCounts;

    @BeforeAll
    void uninterruptedRun() throws Exception {
        try (BillingRun clean = BillingRun.onH2()) {
            clean.generateAndImport(ACCOUNTS, SEED);
            assertThat(clean.bill()).isEqualTo(Result.COMPLETED);
            cleanTotals = CycleTestSupport.invoiceTotals(clean.jdbc(), CYCLE);
            cleanCounts = CycleTestSupport.tableCounts(clean.jdbc());
        }
        assertThat(cleanTotals).hasSizeGreaterThan(40);
    }

    @Test
    void failureOnTheThirdChunkOfChargeThenRerunBillsEverythingOnce() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given the charge step fails on its 3rd chunk (counted across both partitions)
            run.faults().arm("charge", 3);
            assertThat(run.bill()).isEqualTo(Result.FAILED);

            // then part of the accounts are charged (committed chunks), the rest are not, nothing is issued
            long drafts = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'DRAFT'", Long.class, CYCLE);
            long stillDue = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE next_bill_date <= ?", Long.class, CYCLE);
            assertThat(drafts).isPositive().isLessThan(cleanTotals.size());
            assertThat(stillDue).isPositive();
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
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'", Long.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status = 'PENDING'", Long.class)).isPositive();

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
            Result exit = firstRun.get();
            org.junit.jupiter.api.Assumptions.assumeTrue(stopped == 1,
                    "the cycle finished before it could be stopped (machine too fast for this drill)");

            // then it ends STOPPED, resumable, with part of the invoices rendered and nothing sent twice
            assertThat(exit).isEqualTo(Result.STOPPED);
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
}
