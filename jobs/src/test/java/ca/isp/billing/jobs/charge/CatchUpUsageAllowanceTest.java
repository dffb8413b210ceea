package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.drop;
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
 * An account behind by two periods is caught up: its data allowance is per month, so three
 * months of 30 GB on a 50 GB plan owe no overage, whichever invoice bills them.
 */
class CatchUpUsageAllowanceTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void catchUpDoesNotPoolThreeMonthsOfUsageAgainstOneAllowance() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/catchup/accounts.csv");      // ON, next bill date 2026-09-01
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/catchup/subscriptions.csv"); // NET-50: 50 GB a month, 2.00/GB over

        // 2026-11-01 catches up September, October and November: 3 x 50.00 = 150.00, HST 19.50,
        // total 169.50. The usage file holds 30 GB on 09-10 and 30 GB on 10-10.
        drop("hand-worked/catchup/usage-2026-10.csv", properties.inbox("usage"));
        assertThat(billInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        assertThat(invoiceValue(jdbc, "subtotal", "420001", NOV)).isEqualByComparingTo("150.00");
        assertThat(invoiceValue(jdbc, "total", "420001", NOV)).isEqualByComparingTo("169.50");

        // 2026-12-01: 30 GB more on 11-10. Each month used 30 GB of its 50: no overage anywhere, so
        // December is 50.00 + HST 6.50 = 56.50 (the code bills 90 - 50 = 40 GB x 2.00 = 80.00 more:
        // subtotal 130.00, total 146.90)
        drop("hand-worked/catchup/usage-2026-11.csv", properties.inbox("usage"));
        assertThat(billInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM invoice_line WHERE line_type = 'USAGE'")).isZero();
        assertThat(invoiceValue(jdbc, "subtotal", "420001", DEC)).isEqualByComparingTo("50.00");
        assertThat(invoiceValue(jdbc, "total", "420001", DEC)).isEqualByComparingTo("56.50");
    }
}
