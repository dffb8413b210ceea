package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.testing.PinnedClock;

/**
 * A new plan price imported without a day, after a cycle billed a term starting on or after today
 * (cycles bill terms in advance, up to a month ahead): it applies from the day after that term,
 * never to it. And what the plans import refuses: a new term length for a plan, a price dated on
 * or before a term already billed. Today is {@link PinnedClock#TODAY} (2026-11-20).
 */
class PlanPriceImportTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void aPriceImportedAfterATermWasBilledAheadStartsAfterIt() throws Exception {
        // given NET-50 at 50.00, 400001 billed for October, November and (ahead, on Nov 20) December
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/cycles/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/cycles/subscriptions.csv");
        for (LocalDate cycle : List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))) {
            assertThat(launcher.bill(cycle).result()).isEqualTo(Result.COMPLETED);
        }
        long prices = count("SELECT COUNT(*) FROM plan_price");

        // when 55.00 is imported on Nov 20 with no price_from: from max(Nov 20, Dec 1 + 1 day) = Dec 2
        ReferenceDataImporter.Result raised = importer.importFile(Kind.PLANS, Fixtures.path("hand-worked/price-change/plans-raised.csv"));
        assertThat(raised.updated()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT effective_from FROM plan_price WHERE plan_code = 'NET-50' AND term_price = 55.00",
                LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 2));
        // the same file again adds nothing
        assertThat(importer.importFile(Kind.PLANS, Fixtures.path("hand-worked/price-change/plans-raised.csv")).unchanged())
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM plan_price")).isEqualTo(prices + 1);
        assertThat(launcher.bill(LocalDate.of(2027, 1, 1), CycleLauncher.Option.FORCE).result()).isEqualTo(Result.COMPLETED);

        // then December stays 50.00 (no repair on January's invoice) and January pays 55.00
        assertThat(jdbc.queryForList("""
                SELECT CAST(i.cycle_date AS VARCHAR(10)) || ' ' || CAST(l.amount AS VARCHAR(20))
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '400001' AND l.line_type IN ('RECURRING', 'CREDIT')
                ORDER BY i.cycle_date, l.line_no""", String.class)).containsExactly(
                "2026-10-01 50.00", "2026-11-01 50.00", "2026-12-01 50.00", "2027-01-01 55.00");

        // and refused, each with its reason: a new price from Nov 15 (the terms up to January's are
        // billed) and NET-UNL's term from 1 to 3 months
        ReferenceDataImporter.Result bad = importer.importFile(Kind.PLANS,
                Fixtures.path("hand-worked/price-change/plans-bad-changes.csv"));
        assertThat(bad.rejected()).isEqualTo(2);
        assertThat(Files.readString(bad.rejectFile()))
                .contains("price_from,a term of plan NET-50 starting 2027-01-01 is billed already: a new price can"
                        + " apply from 2027-01-02 on")
                .contains("period_months,plan NET-UNL has 1-month terms; a term length cannot change once imported");
        assertThat(count("SELECT COUNT(*) FROM plan_price")).isEqualTo(prices + 1);
    }
}
