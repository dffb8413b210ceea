package ca.isp.billing.jobs.cycle;

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
 * Two cycles billed by the same application (as PaymentCreditTest does): the second cycle must
 * rate and bill the usage that arrived since the first.
 */
class SameProcessSecondCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Test
    void secondCycleInTheSameApplicationRatesItsUsage() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/cycles/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/cycles/subscriptions.csv");
        drop("hand-worked/cycles/usage-2026-09.csv", properties.inbox("usage"));
        assertThat(launcher.bill(OCT).result()).isEqualTo(Result.COMPLETED);

        // when October's usage arrives and November is billed by the same application
        drop("hand-worked/cycles/usage-2026-10.csv", properties.inbox("usage"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // then the three records of the file are rated (none stays NEW) ...
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
        // ... and 400001 (NET-50: 50 GB included, 2.00/GB) pays October's 35 + 25 = 60 GB: 10 over
        // = 20.00; subtotal 50.00 + 20.00 = 70.00, HST 13% 9.10, total 79.10
        assertThat(invoiceValue(jdbc, "subtotal", "400001", NOV)).isEqualByComparingTo("70.00");
        assertThat(invoiceValue(jdbc, "total", "400001", NOV)).isEqualByComparingTo("79.10");
    }
}
