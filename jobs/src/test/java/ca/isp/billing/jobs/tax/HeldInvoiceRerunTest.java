package ca.isp.billing.jobs.tax;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.testing.PinnedClock;

/**
 * An unknown tax jurisdiction holds the invoice (never sent untaxed) without stopping the
 * others; once the operator imports the rates, a rerun of the cycle taxes, issues and sends the
 * held invoices and touches nothing else.
 */
class HeldInvoiceRerunTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void heldForMissingTaxRatesThenReleasedByARerun() throws Exception {
        // Given an ISP whose Ontario tax rates are missing
        CycleTestSupport.generateAndImport(importer, properties, 40, 5);
        jdbc.update("DELETE FROM tax_rate WHERE region = 'ON'");
        // what the input files say: the due accounts with a line to bill, by service region
        DemoInputs inputs = DemoInputs.read(HOME);
        List<DemoInputs.Account> ontarioAccounts = inputs.invoiced(CYCLE).stream()
                .filter(a -> a.serviceRegion().equals("ON")).toList();
        List<DemoInputs.Account> otherAccounts = inputs.invoiced(CYCLE).stream()
                .filter(a -> !a.serviceRegion().equals("ON")).toList();

        // When the cycle runs
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then Ontario invoices are held with the reason, the others are issued and sent
        long ontario = count("""
                SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND a.service_region = 'ON'""", CYCLE);
        // the seed-5 ISP: 36 invoices, 11 of them for a service address in Ontario (38 and 12 before
        // the charge step billed with RecurringCharger: 100015 (ON, EMAIL) and 100027 (BC, BOTH)
        // start service after the cycle date, Nov 12 and Nov 7, and are now billed, stub and
        // December, by the next cycle)
        assertThat(ontario).isEqualTo(ontarioAccounts.size()).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'HELD'", CYCLE)).isEqualTo(ontario);
        assertThat(CycleTestSupport.invoicedAccounts(jdbc, CYCLE, "HELD"))
                .containsExactlyInAnyOrderElementsOf(DemoInputs.accountNumbers(ontarioAccounts));
        assertThat(jdbc.queryForList("SELECT hold_reason FROM invoice WHERE status = 'HELD'", String.class))
                .allMatch(reason -> reason.endsWith("no tax rates in force on " + CYCLE + " for CA/ON"));
        assertThat(CycleTestSupport.invoicedAccounts(jdbc, CYCLE, "ISSUED"))
                .containsExactlyInAnyOrderElementsOf(DemoInputs.accountNumbers(otherAccounts))
                .hasSize(25);
        assertThat(count("SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id WHERE i.status = 'HELD'")).isZero();
        // each issued invoice handed over as its account asked (accounts.csv): 26 letters and emails
        long sentBefore = count("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'");
        assertThat(sentBefore).isEqualTo(deliveries(otherAccounts)).isEqualTo(26);
        long ledgerBefore = count("SELECT COUNT(*) FROM account_ledger");

        // When the rates are imported and the cycle rerun
        importer.importFile(Kind.TAX_RATES, properties.home().resolve("reference").resolve("tax-rates.csv"));
        assertThat(launcher.rerun(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then the held invoices carry Ontario HST, are issued, posted once and handed over
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status <> 'ISSUED'", CYCLE)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                WHERE i.cycle_date = ? AND t.region = 'ON' AND t.tax_code = 'HST'""", CYCLE)).isEqualTo(ontario);
        assertThat(count("SELECT COUNT(*) FROM account_ledger")).isEqualTo(ledgerBefore + ontario);
        // released today (the pinned 2026-11-20), so dated today and due 21 days later, 2026-12-11
        // (not 21 days after the cycle date)
        LocalDate released = PinnedClock.TODAY;
        assertThat(count("""
                SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND a.service_region = 'ON' AND i.invoice_date = ? AND i.due_date = ?""",
                CYCLE, released, LocalDate.of(2026, 12, 11))).isEqualTo(ontario);
        // the Ontario invoices' 13 letters and emails, and nothing sent again
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'"))
                .isEqualTo(sentBefore + deliveries(ontarioAccounts)).isEqualTo(26 + 13);
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'")).isZero();

        // and a second rerun finds nothing left to do
        var before = CycleTestSupport.tableCounts(jdbc);
        assertThat(launcher.rerun(CYCLE).result()).isEqualTo(Result.COMPLETED);
        assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(before);
    }

    private static long deliveries(List<DemoInputs.Account> invoiced) {
        return DemoInputs.deliveries(invoiced, "PRINT") + DemoInputs.deliveries(invoiced, "EMAIL");
    }
}
