package ca.isp.billing.jobs.accounting;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Usage revenue goes to the GL account of the plan the usage was charged on, not of the
 * subscription's first plan (fixtures hand-worked/usage-plan, plans and taxes of journal/: NET-UNL
 * 40.00 unlimited, GL 4010; NET-50 50.00 with 50 GB and 2.00 per GB over, GL 4050; HST 13 %).
 * Account 520001 started on NET-UNL and moved to NET-50 on 2026-10-16; it used 60 GB on
 * 2026-10-20. November's invoice bills October's usage in arrears on the plan of October's last
 * day, NET-50: 60 - 50 = 10 GB x 2.00 = 20.00, and November's term on NET-50, 50.00.
 */
class UsageRevenuePlanTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Autowired
    JournalExport journalExport;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void usageRevenuePostsToThePlanOfTheUsage() throws IOException {
        importFile(importer, Kind.PLANS, "journal/plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/usage-plan/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/usage-plan/subscriptions.csv");
        drop("hand-worked/usage-plan/usage-2026-10.csv", properties.inbox("usage"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // the usage line records the plan it was charged on
        assertThat(jdbc.queryForObject("""
                SELECT item_plan_code || ' ' || amount FROM invoice_line WHERE line_type = 'USAGE'""", String.class))
                .isEqualTo("NET-50 20.00");

        JournalCsv journal = JournalCsv.read(properties.reports(NOV).resolve("journal.csv"));
        journal.assertBalanced();
        // 4050 (NET-50): term 50.00 + usage 20.00 = 70.00; nothing to 4010 (NET-UNL, the first plan)
        assertThat(journal.creditsTo("4050")).isEqualByComparingTo("70.00");
        assertThat(journal.creditsTo("4010")).isEqualByComparingTo("0.00");
        // HST 13 % of 70.00 = 9.10 to 2330; receivables 70.00 + 9.10 = 79.10
        assertThat(journal.creditsTo("2330")).isEqualByComparingTo("9.10");

        // a usage line billed before lines recorded their plan names its subscription in its key: the
        // subscription's own plan_code (NET-UNL, its first plan: GL 4010) earns it, looked up for the
        // page that holds the line (not found, it would go to the default revenue account)
        jdbc.update("UPDATE invoice_line SET item_plan_code = NULL WHERE line_type = 'USAGE'");
        journalExport.write(NOV, 0);
        JournalCsv again = JournalCsv.read(properties.reports(NOV).resolve("journal.csv"));
        again.assertBalanced();
        assertThat(again.creditsTo("4050")).isEqualByComparingTo("50.00");
        assertThat(again.creditsTo("4010")).isEqualByComparingTo("20.00");
    }
}
