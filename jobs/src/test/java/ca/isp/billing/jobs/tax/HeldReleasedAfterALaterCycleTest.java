package ca.isp.billing.jobs.tax;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * November's invoices are held (no Ontario tax rate), the rates are imported, December is
 * billed early (today is the pinned 2026-11-20), and only then November is rerun: a released
 * invoice is dated no earlier than the invoice its account already has (2026-12-01, not
 * today), so its statement follows December's and its amount due is still the ledger balance
 * on its date. Fixtures hand-worked/balance: Ontario NET-UNL 40.00 + HST 5.20 = 45.20 a month.
 */
class HeldReleasedAfterALaterCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void aReleasedInvoiceIsNotDatedBeforeItsAccountsLaterInvoice() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'HELD'", NOV)).isEqualTo(4);

        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);
        // 500002's December invoice is its first statement: opening 100.00 - P-ON 100.00 + 45.20 = 45.20
        Map<String, Object> december = invoice("500002", DEC);
        assertThat(december.get("INVOICE_NUMBER")).isEqualTo("F-2026-000002");
        assertThat((BigDecimal) december.get("AMOUNT_DUE")).isEqualByComparingTo("45.20");

        assertThat(launcher.rerun(NOV).result()).isEqualTo(Result.COMPLETED);

        // November, released: dated 2026-12-01 (December's date, later than today), numbered after
        // December's four; previous 45.20 (December's amount due), nothing new, 45.20: 90.40
        Map<String, Object> november = invoice("500002", NOV);
        assertThat(november.get("INVOICE_DATE").toString()).isEqualTo("2026-12-01");
        assertThat(november.get("INVOICE_NUMBER")).isEqualTo("F-2026-000006");
        assertThat((BigDecimal) november.get("PREVIOUS_BALANCE")).isEqualByComparingTo("45.20");
        assertThat((BigDecimal) november.get("AMOUNT_DUE")).isEqualByComparingTo("90.40");
        // the released invoices, each its account's latest, ask for the ledger balance on their date
        // (dated 11-20, today, 500002's would have asked 90.40 while its ledger on 11-20 was 45.20)
        assertThat(count("""
                SELECT COUNT(*) FROM invoice i WHERE i.cycle_date = ? AND i.amount_due <> (SELECT SUM(l.amount)
                    FROM account_ledger l WHERE l.account_id = i.account_id AND l.entry_date <= i.invoice_date)""",
                NOV)).isZero();
    }

    private Map<String, Object> invoice(String account, LocalDate cycle) {
        return jdbc.queryForMap("""
                SELECT i.invoice_number, i.invoice_date, i.previous_balance, i.amount_due FROM invoice i
                JOIN account a ON a.id = i.account_id WHERE a.account_number = ? AND i.cycle_date = ?""", account, cycle);
    }
}
