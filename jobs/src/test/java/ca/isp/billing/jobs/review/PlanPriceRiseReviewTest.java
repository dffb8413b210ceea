package ca.isp.billing.jobs.review;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * An announced price rise is no anomaly (fixtures hand-worked/balance: four Ontario accounts on
 * NET-UNL at 40.00; hand-worked/price-change/plans-unl-from-december.csv raises it to 50.00 from
 * 2026-12-01, +25 %). The cycle-wide rules judge every group here (minimum 1 account). November:
 * 4 x 40.00 = 160.00 of NET-UNL. December: 4 x 50.00 = 200.00, +25 % on November's invoices but
 * 0 % against what they make at the price in force: 160.00 x 50.00 / 40.00 = 200.00. Nothing is
 * held; before, the whole hand-off waited for an operator.
 */
class PlanPriceRiseReviewTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        billingHome(registry, HOME);
        Path rules = Files.writeString(HOME.resolve("review-rules.properties"),
                "plan-revenue.minimum-accounts=1\njurisdiction-revenue.minimum-accounts=1\n");
        registry.add("billing.review.rules", rules::toString);
    }

    @Test
    void aDatedPriceRiseHoldsNothing() throws IOException {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT SUM(subtotal) FROM invoice WHERE cycle_date = ?", NOV)).isEqualTo(160);

        importFile(importer, Kind.PLANS, "hand-worked/price-change/plans-unl-from-december.csv");
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        // 4 x 50.00 = 200.00 billed at the new price, every invoice cleared
        assertThat(count("SELECT SUM(subtotal) FROM invoice WHERE cycle_date = ?", DEC)).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT review_status FROM invoice WHERE cycle_date = ?", String.class, DEC))
                .hasSize(4).containsOnly("CLEARED");
        assertThat(count("SELECT COUNT(*) FROM review_hold WHERE cycle_date = ?", DEC)).isZero();
    }
}
