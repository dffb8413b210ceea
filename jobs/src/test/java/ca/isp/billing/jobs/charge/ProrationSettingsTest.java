package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The company's proration switches reach the charge step (billing.proration.*): with
 * cancellations not prorated, the March billed before a cancellation from March 21 stands, and
 * with 30-day months the same cancellation credits 59.99 - 59.99 x 20 / 30 = 59.99 - 39.99 = -20.00.
 */
class ProrationSettingsTest {

    @Test
    void withCancellationsNotProratedTheBilledMonthStands() throws Exception {
        assertThat(marchThenCancelled(Map.of("billing.proration.cancellation", "false"))).containsExactly(
                "2026-03-01 RECURRING 59.99");
    }

    @Test
    void withThirtyDayMonthsTheCreditCountsThirtyDays() throws Exception {
        assertThat(marchThenCancelled(Map.of("billing.proration.day-count", "THIRTY_DAY_MONTHS"))).containsExactly(
                "2026-03-01 RECURRING 59.99", "2026-04-01 CREDIT -20.00");
    }

    /** 440001's recurring and credit lines: 59.99 billed for March, then cancelled from March 21. */
    private static List<String> marchThenCancelled(Map<String, String> settings) throws Exception {
        try (BillingRun run = BillingRun.onH2(settings)) {
            ReferenceDataImporter importer = run.bean(ReferenceDataImporter.class);
            importer.importFile(Kind.PLANS, path("hand-worked/proration/plans.csv"));
            importer.importFile(Kind.TAX_RATES, path("hand-worked/tax-rates.csv"));
            importer.importFile(Kind.ACCOUNTS, path("hand-worked/proration/accounts.csv"));
            importer.importFile(Kind.SUBSCRIPTIONS, path("hand-worked/proration/subscriptions.csv"));
            CycleLauncher launcher = run.bean(CycleLauncher.class);
            assertThat(launcher.bill(LocalDate.of(2026, 3, 1), CycleLauncher.Option.FORCE).result())
                    .isEqualTo(Result.COMPLETED);
            importer.importFile(Kind.SUBSCRIPTIONS, path("hand-worked/proration/subscriptions-cancelled.csv"));
            assertThat(launcher.bill(LocalDate.of(2026, 4, 1), CycleLauncher.Option.FORCE).result())
                    .isEqualTo(Result.COMPLETED);
            return run.jdbc().queryForList("""
                    SELECT CONCAT(i.cycle_date, ' ', l.line_type, ' ', l.amount)
                    FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '440001' AND l.line_type IN ('RECURRING', 'CREDIT')
                    ORDER BY i.cycle_date, l.line_no""", String.class);
        }
    }
}
