package ca.isp.billing.jobs.issue;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Invoice numbers come from one gapless series (F-2026-000001, ...), given in account-number
 * order when invoices are issued: a crash in the middle of the invoice step, or an invoice held
 * for a missing tax rate and released by a rerun, leaves the cycle's numbers contiguous, with no
 * duplicate, and a restarted run numbers each account's invoice as an uninterrupted run does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceNumberingTest {

    private static final int ACCOUNTS = 60;
    private static final long SEED = 11;

    /** Account number -> invoice number of an uninterrupted run. */
    private Map<String, String> clean;

    @BeforeAll
    void uninterruptedRun() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            clean = numbersByAccount(run.jdbc());
        }
        assertContiguous(clean);
    }

    @Test
    void aRestartInTheMiddleOfTheInvoiceStepNumbersAsAnUninterruptedRun() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given the invoice step (chunks of 8, in account-number order) fails on its 3rd chunk
            run.faults().arm("invoice", 3);
            assertThat(run.bill()).isEqualTo(Result.FAILED);

            // then the first two chunks are issued, numbered 1 to 16, and the 3rd gave its numbers back
            Map<String, String> partial = numbersByAccount(jdbc);
            assertThat(partial).hasSize(16);
            assertContiguous(partial);
            assertThat(jdbc.queryForObject("SELECT last_number FROM invoice_number_series WHERE series = 'F-2026-'",
                    Long.class)).isEqualTo(16);

            // When the same command runs again
            run.faults().disarm();
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            // then every account has the number the uninterrupted run gave it
            assertThat(numbersByAccount(jdbc)).isEqualTo(clean);
            assertThat(jdbc.queryForObject("SELECT last_number FROM invoice_number_series WHERE series = 'F-2026-'",
                    Long.class)).isEqualTo(clean.size());
            // and the outbox keys and file names follow the numbers
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE d.idempotency_key <> i.invoice_number || '-' || d.channel""", Long.class)).isZero();
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND pdf_path NOT LIKE '%/' || invoice_number || '.pdf'""",
                    Long.class, CYCLE)).isZero();
        }
    }

    @Test
    void anInvoiceHeldForAMissingTaxRateIsNumberedWhenReleased() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();
            // Given Ontario has no tax rates: its invoices are held, without a number
            jdbc.update("DELETE FROM tax_rate WHERE region = 'ON'");
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            long held = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'HELD'",
                    Long.class, CYCLE);
            long ontario = clean.size() - numbersByAccount(jdbc).size();
            assertThat(held).isEqualTo(ontario);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE status = 'HELD' AND invoice_number IS NOT NULL",
                    Long.class)).isZero();
            assertContiguous(numbersByAccount(jdbc));

            // When the rates are imported and the cycle rerun
            run.bean(ReferenceDataImporter.class).importFile(Kind.TAX_RATES,
                    run.properties().home().resolve("reference").resolve("tax-rates.csv"));
            assertThat(run.bean(CycleLauncher.class).rerun(CYCLE).result()).isEqualTo(Result.COMPLETED);

            // then the released invoices take the next numbers: the cycle's numbers are 1..N, each once
            Map<String, String> numbers = numbersByAccount(jdbc);
            assertThat(numbers).hasSize(clean.size());
            assertContiguous(numbers);
        }
    }

    @Test
    void anOpeningBalanceNumberedLikeOurSeriesIsRefusedAtImport() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(ACCOUNTS, SEED);
            String account = run.jdbc().queryForObject("SELECT MIN(account_number) FROM account", String.class);
            Path file = run.home().resolve("opening-more.csv");
            Files.writeString(file, "account_number,invoice_number,invoice_date,due_date,amount\n"
                    + account + ",F-2026-000003,2026-10-01,2026-10-21,25.00\n"
                    + account + ",LEGACY-77,2026-10-01,2026-10-21,25.00\n");

            var result = run.bean(ReferenceDataImporter.class).importFile(Kind.OPENING_BALANCES, file);

            // the one that would collide with the cycle's own numbers is a reject line with the reason,
            // the other is imported
            assertThat(result.inserted()).isEqualTo(1);
            assertThat(result.rejected()).isEqualTo(1);
            assertThat(Files.readString(result.rejectFile())).contains("invoice_number",
                    "'F-2026-000003' looks like a number of this system's own series");
            assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number = 'F-2026-000003'",
                    Long.class)).isZero();
        }
    }

    /** Issued BILLED invoices of the cycle: account number -> invoice number, in account order. */
    private static Map<String, String> numbersByAccount(JdbcTemplate jdbc) {
        Map<String, String> numbers = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.account_number, i.invoice_number FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status = 'ISSUED' ORDER BY a.account_number""", rs -> {
            numbers.put(rs.getString(1), rs.getString(2));
        }, CYCLE);
        return numbers;
    }

    /** The numbers are F-2026-000001 .. F-2026-00000n, each once. */
    private static void assertContiguous(Map<String, String> numbers) {
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= numbers.size(); n++) {
            expected.add(String.format("F-2026-%06d", n));
        }
        assertThat(numbers.values()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
