package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A service ordered after its account's period was billed in advance: the days of that period
 * it was active are owed too, and must be on the next invoice.
 */
class MidPeriodSubscriptionTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void serviceStartedInABilledPeriodIsChargedOnTheNextInvoice() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/midperiod/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/midperiod/subscriptions.csv");
        // November is billed in advance: 410001 NET-50 50.00 + HST 6.50 = 56.50; 410002 NET-UNL 40.00 + 5.20 = 45.20
        assertThat(billInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        assertThat(invoiceValue(jdbc, "total", "410001", NOV)).isEqualByComparingTo("56.50");
        assertThat(invoiceValue(jdbc, "total", "410002", NOV)).isEqualByComparingTo("45.20");

        // when the orders of the month are imported: 410001 adds NET-UNL from 2026-11-16, 410002 a
        // yearly NET-Y (25.00 x 12 = 300.00 a term) from 2026-11-10; the bill day is the 1st
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/midperiod/subscriptions-added.csv");
        assertThat(billInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);

        // then 410001's December invoice has NET-50 December 50.00, the NET-UNL stub 11-16..11-30 of
        // the term Nov 1 - Dec 1 (30 days) = 40.00 x 15 / 30 = 20.00 and NET-UNL December 40.00:
        // 110.00, HST 13% 14.30, total 124.30
        assertThat(count("""
                SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.line_key = 'RECURRING:S410001-2:NET-UNL:2026-11-01:2026-12-01' AND l.amount = 20.00
                  AND l.period_start = DATE '2026-11-16' AND l.period_end = DATE '2026-11-30'""")).isEqualTo(1);
        assertThat(invoiceValue(jdbc, "subtotal", "410001", DEC)).isEqualByComparingTo("110.00");
        assertThat(invoiceValue(jdbc, "total", "410001", DEC)).isEqualByComparingTo("124.30");
        // and 410002's has NET-UNL December 40.00, the NET-Y stub 11-10..11-30 (21 days) of the
        // 12-month term that ends on the bill date Dec 1 (2025-12-01..2026-12-01, 365 days):
        // 300.00 x 21 / 365 = 17.2602 -> 17.26, and the term 2026-12-01..2027-11-30, 300.00 (a term
        // starts on the bill day, after the stub): 357.26, HST 357.26 x 0.13 = 46.4438 -> 46.44,
        // total 403.70
        assertThat(count("""
                SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.line_key = 'RECURRING:S410002-2:NET-Y:2025-12-01:2026-12-01' AND l.amount = 17.26""")).isEqualTo(1);
        assertThat(invoiceValue(jdbc, "subtotal", "410002", DEC)).isEqualByComparingTo("357.26");
        assertThat(invoiceValue(jdbc, "total", "410002", DEC)).isEqualByComparingTo("403.70");
    }
}
