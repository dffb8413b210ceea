package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A plan's price changed after a term was billed: the term keeps the price it was billed at, the
 * terms that start on or after the new price's day pay the new one. Found by a probe: the import
 * overwrote the plan's price and the next invoice "repaired" the term already billed, asking the
 * customer for the price rise on a month already paid for.
 */
class PlanPriceChangeTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void aPriceChangeAppliesToTermsFromItsDayNotToTermsBilledBefore() throws Exception {
        // given 400001 on NET-50 at 50.00 a month, billed on Oct 1 for October (in advance)
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/cycles/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/cycles/subscriptions.csv");
        assertThat(launcher.bill(OCT).result()).isEqualTo(Result.COMPLETED);

        // when NET-50 goes to 55.00 from December 1 (imported during October) ...
        importFile(importer, Kind.PLANS, "hand-worked/price-change/plans-from-december.csv");
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        // then October and November are billed 50.00 each, nothing more (no repair of October);
        // December, the first term from the new price's day, 55.00
        assertThat(recurringLines()).containsExactly(
                "2026-10-01 Net 50 50.00",
                "2026-11-01 Net 50 50.00",
                "2026-12-01 Net 50 55.00");
    }

    private List<String> recurringLines() {
        return jdbc.queryForList("""
                SELECT CAST(i.cycle_date AS VARCHAR(10)) || ' ' || l.description || ' ' || CAST(l.amount AS VARCHAR(20))
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '400001' AND l.line_type IN ('RECURRING', 'CREDIT')
                ORDER BY i.cycle_date, l.line_no""", String.class);
    }
}
