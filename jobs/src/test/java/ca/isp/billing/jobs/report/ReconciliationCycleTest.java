package ca.isp.billing.jobs.report;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.domain.ReconciliationEquation;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.support.BillingCycleJob;

/**
 * The reconciliation of a generated ISP's cycle: every equation holds, with figures the test
 * counts itself from the input files; a usage record or a payment deleted behind the pipeline's
 * back makes the next run's report step fail, naming the equation that broke.
 */
class ReconciliationCycleTest {

    private static final int ACCOUNTS = 60;
    private static final long SEED = 7;

    @Test
    void aCleanCycleHoldsEveryEquationWithTheFiguresOfItsInputFiles() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            DemoIspGenerator.Summary generated = run.generateAndImport(ACCOUNTS, SEED);
            DemoInputs inputs = DemoInputs.read(run.home());
            // what the auditor counts in the files before the cycle moves them: data lines of every CSV
            long usageLines = csvRecords(run.properties().inbox("usage"));
            long paymentLines = csvRecords(run.properties().inbox("payments"));
            assertThat(usageLines).isEqualTo(generated.usageRecords() + generated.malformedUsageLines()
                    + generated.unknownServiceUsage());
            assertThat(paymentLines).isEqualTo(generated.payments() + generated.malformedPaymentLines());

            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            Reconciliation r = reconciliation(run);
            assertThat(r.broken()).isEmpty();
            assertThat(r.equations()).extracting(ReconciliationEquation::name)
                    .startsWith("usage read", "usage stored", "usage rated", "payments read", "payment money", "invoices", "deliveries")
                    .contains("ledger CAD");
            // usage: lines read as the files hold them; rejected = the malformed lines the generator wrote;
            // stored = the rows of usage_record; unmatched = the unknown services
            ReconciliationEquation usage = r.equation("usage read");
            assertThat(usage.value("usage lines read")).isEqualByComparingTo(BigDecimal.valueOf(usageLines));
            assertThat(usage.value("rejected")).isEqualByComparingTo(BigDecimal.valueOf(generated.malformedUsageLines()));
            assertThat(usage.value("duplicates")).isEqualByComparingTo("1");
            assertThat(usage.value("stored")).isEqualByComparingTo(
                    BigDecimal.valueOf(count(run, "SELECT COUNT(*) FROM usage_record")));
            assertThat(r.equation("usage stored").value("unmatched"))
                    .isEqualByComparingTo(BigDecimal.valueOf(generated.unknownServiceUsage()));
            // payments: every line of the payment files accounted for; rejected = malformed; the unknown
            // account's line in suspense
            ReconciliationEquation payments = r.equation("payments read");
            assertThat(payments.value("payment lines read")).isEqualByComparingTo(BigDecimal.valueOf(paymentLines));
            assertThat(payments.value("rejected")).isEqualByComparingTo(
                    BigDecimal.valueOf(generated.malformedPaymentLines()));
            assertThat(payments.value("suspense")).isEqualByComparingTo("1");
            assertThat(payments.value("applied").add(payments.value("credit left")))
                    .isEqualByComparingTo(BigDecimal.valueOf(count(run, "SELECT COUNT(*) FROM payment")));
            assertThat(r.equation("payment money").value("in suspense")).isEqualByComparingTo(run.jdbc().queryForObject(
                    "SELECT SUM(amount) FROM payment_suspense", BigDecimal.class));
            // invoices: one per due account with something to bill (accounts.csv), all issued; the
            // deliveries their accounts asked for in accounts.csv, all sent
            List<DemoInputs.Account> invoiced = inputs.invoiced(CYCLE);
            ReconciliationEquation invoices = r.equation("invoices");
            assertThat(invoices.value("invoices")).isEqualByComparingTo(BigDecimal.valueOf(invoiced.size()));
            assertThat(invoices.value("issued")).isEqualByComparingTo(BigDecimal.valueOf(invoiced.size()));
            long deliveries = DemoInputs.deliveries(invoiced, "PRINT") + DemoInputs.deliveries(invoiced, "EMAIL");
            assertThat(r.equation("deliveries").value("sent")).isEqualByComparingTo(BigDecimal.valueOf(deliveries));
            // ledger: this cycle's invoices are the issued totals; its payments the amounts of the payments stored
            BigDecimal issuedTotal = run.jdbc().queryForObject(
                    "SELECT SUM(total) FROM invoice WHERE cycle_date = ? AND status = 'ISSUED'", BigDecimal.class, CYCLE);
            BigDecimal paid = run.jdbc().queryForObject("SELECT SUM(amount) FROM payment", BigDecimal.class);
            BigDecimal ledgerInvoices = r.equations().stream().filter(e -> e.name().startsWith("ledger "))
                    .map(e -> e.value("invoices")).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal ledgerPayments = r.equations().stream().filter(e -> e.name().startsWith("ledger "))
                    .map(e -> e.value("payments")).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(ledgerInvoices).isEqualByComparingTo(issuedTotal);
            assertThat(ledgerPayments).isEqualByComparingTo(paid);

            // written beside the run summary, owner-only, and at the summary's end
            Path folder = run.properties().reports(CYCLE);
            String table = Files.readString(folder.resolve("reconciliation.txt"), StandardCharsets.UTF_8);
            assertThat(table).contains("usage lines read = stored + duplicates + rejected")
                    .contains(usage.figures()).contains("every equation holds").doesNotContain("DOES NOT HOLD");
            assertThat(Files.readString(folder.resolve("run-summary.txt"), StandardCharsets.UTF_8)).endsWith(table);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("reconciliation.txt"))))
                    .isEqualTo("rw-------");

            // a rerun of the completed cycle reconciles the same figures (nothing counted twice)
            assertThat(run.rerun()).isEqualTo(Result.COMPLETED);
            assertThat(reconciliation(run).equations()).isEqualTo(r.equations());
        }
    }

    @Test
    void aUsageRecordOrAPaymentDeletedBehindThePipelinesBackFailsTheReportNamingTheEquation() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            JdbcTemplate jdbc = run.jdbc();
            CycleLauncher launcher = run.bean(CycleLauncher.class);

            // Given a billed usage record deleted by hand after the cycle
            Map<String, Object> record = jdbc.queryForMap(
                    "SELECT * FROM usage_record WHERE status = 'BILLED' ORDER BY id LIMIT 1");
            jdbc.update("DELETE FROM usage_record WHERE id = ?", record.get("ID"));

            // When the next run (a rerun) reaches its report step
            CycleOutcome outcome = launcher.rerun(CYCLE);

            // then it fails there, naming the equation that broke with its figures: one line short
            assertThat(outcome.result()).isEqualTo(Result.FAILED);
            assertThat(outcome.message()).contains("in step report")
                    .contains("usage read: usage lines read = stored + duplicates + rejected")
                    .contains("(off by 1)").doesNotContain("payment lines read");
            assertThat(Files.readString(run.properties().reports(CYCLE).resolve("reconciliation.txt")))
                    .contains("DOES NOT HOLD  usage read      usage lines read = stored + duplicates + rejected");

            // and once the record is put back, the same command completes
            insert(jdbc, "usage_record", record);
            assertThat(launcher.rerun(CYCLE).result()).isEqualTo(Result.COMPLETED);

            // Given a payment (with its allocations) deleted by hand; its ledger entry stays
            Map<String, Object> payment = jdbc.queryForMap("SELECT * FROM payment ORDER BY id LIMIT 1");
            jdbc.update("DELETE FROM payment_allocation WHERE payment_id = ?", payment.get("ID"));
            jdbc.update("DELETE FROM payment WHERE id = ?", payment.get("ID"));

            outcome = launcher.rerun(CYCLE);

            // then the payments' equation breaks: a line read is no longer anywhere (the ledger may still
            // balance: the invoices keep what the payment paid, so only the money it left as a credit is missing)
            assertThat(outcome.result()).isEqualTo(Result.FAILED);
            assertThat(outcome.message()).contains("in step report")
                    .contains("payments read: payment lines read = applied + credit left + duplicates + rejected + suspense + reversals")
                    .contains("(off by 1)").doesNotContain("usage read:");
        }
    }

    @Test
    void theUsageIngestJobReconcilesWhatItReadAndFailsOnARecordLostBeforeItsEnd() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            DemoIspGenerator.Summary generated = run.generateAndImport(ACCOUNTS, SEED);
            long usageLines = csvRecords(run.properties().inbox("usage"));
            UsageIngestLauncher ingest = run.bean(UsageIngestLauncher.class);

            // Given run.sh ingest fails in its rate step, after the usage file is stored
            run.faults().arm("rate", 1);
            assertThat(ingest.ingest().result()).isEqualTo(Result.FAILED);
            run.faults().disarm();
            // and a stored record is deleted by hand before the run is resumed
            long stored = count(run, "SELECT COUNT(*) FROM usage_record");
            run.jdbc().update("DELETE FROM usage_record WHERE id = (SELECT MIN(id) FROM usage_record)");

            // When the same command resumes it
            CycleOutcome resumed = ingest.ingest();

            // then its reconciliation step fails, naming the usage equation with the figures: the
            // lines of the file (counted here) against one record fewer than were stored
            assertThat(resumed.result()).isEqualTo(Result.FAILED);
            long duplicates = 1;
            assertThat(resumed.message()).contains("usage read: usage lines read = stored + duplicates + rejected: "
                    + usageLines + " = " + (stored - 1) + " + " + duplicates + " + " + generated.malformedUsageLines()
                    + " (off by 1)");
            Path table = run.properties().out().resolve("reports").resolve("ingest").resolve("reconciliation.txt");
            assertThat(Files.readString(table, StandardCharsets.UTF_8)).contains("DOES NOT HOLD");
        }
    }

    private static Reconciliation reconciliation(BillingRun run) {
        return new CycleReconciliation(run.jdbc(), run.bean(JobRepository.class))
                .of(CYCLE, BillingCycleJob.executionsOf(run.bean(JobRepository.class), CYCLE));
    }

    private static long count(BillingRun run, String sql) {
        return run.jdbc().queryForObject(sql, Long.class);
    }

    /** Records of every CSV file in a folder (the header not counted), read with Commons CSV. */
    private static long csvRecords(Path folder) throws IOException {
        long records = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    records += csv.stream().count();
                }
            }
        }
        return records;
    }

    private static void insert(JdbcTemplate jdbc, String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String values = row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        new NamedParameterJdbcTemplate(jdbc).update("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")",
                row);
    }
}
