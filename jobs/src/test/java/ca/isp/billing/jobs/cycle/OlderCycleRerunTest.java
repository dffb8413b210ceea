package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static ca.isp.billing.jobs.Fixtures.rerunInNewProcess;
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
 * Invoices held in two cycles (New Brunswick has no tax rates) are released by rerunning both
 * cycles, oldest first, once the rates are imported. Rerunning an older cycle must not undo
 * what a later cycle decided about other accounts.
 */
class OlderCycleRerunTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void rerunningAnOlderCycleKeepsLaterDelinquency() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/rerun/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/rerun/subscriptions.csv");
        // 430001 QC never pays: 45.99 on 10-01 (due 10-22), 11-01 (due 11-22) and 12-01.
        // 430002 NB (next bill 11-01) is held on 11-01 and 12-01: no NB rates.
        assertThat(billInNewProcess(HOME, OCT)).isEqualTo(Result.COMPLETED);
        assertThat(billInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        assertThat(billInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);
        // on 12-01: oldest unpaid due 10-22 + 30 days = 11-21 <= 12-01, overdue 45.99 + 45.99 = 91.98
        assertThat(status("430001")).isEqualTo("DELINQUENT");
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE status = 'HELD'")).isEqualTo(2);

        // when the NB rates are imported and both cycles rerun, oldest first
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates-nb.csv");
        assertThat(rerunInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        // then 430002's November invoice is issued: 40.00 + HST 15% 6.00 = 46.00, previous 0.00
        assertThat(invoiceValue(jdbc, "amount_due", "430002", NOV)).isEqualByComparingTo("46.00");
        // and 430001, still 91.98 overdue since 10-22, stays DELINQUENT (the 11-01 rerun judges it
        // as of 11-01, when it was not delinquent yet, and moves it back to ACTIVE)
        assertThat(status("430001")).isEqualTo("DELINQUENT");
        assertThat(count("SELECT COUNT(*) FROM delinquency_event WHERE to_status = 'ACTIVE'")).isZero();

        assertThat(rerunInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);
        // December of 430002: 46.00, previous 46.00 -> 92.00
        assertThat(invoiceValue(jdbc, "amount_due", "430002", DEC)).isEqualByComparingTo("92.00");
        assertThat(status("430001")).isEqualTo("DELINQUENT");
    }

    private String status(String account) {
        return jdbc.queryForObject("SELECT status FROM account WHERE account_number = ?", String.class, account);
    }
}
