package ca.isp.billing.jobs.report;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.support.BillingCycleJob;

/**
 * Each cycle counts and journals the payments of its own window, whatever runs in between
 * (fixtures hand-worked/balance). November's cycle reads payments-2026-11.csv: P-BEFORE 60.00 +
 * P-ON 100.00 + P-AFTER 100.00 = 260.00 in 3 lines. The daily collections run of 2026-11-20 reads
 * payments-2026-12.csv: P-NOV 85.20 + P-LATE 30.00 = 115.20 in 2 lines, outside any cycle. A rerun
 * of November afterwards must still count 260.00 and journal no payment; December counts and
 * journals the 115.20 collections applied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentWindowCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private JobRepository jobRepository;

    @Test
    @Order(1)
    void novemberCountsAndJournalsItsOwnPayments() throws IOException {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // 60.00 + 100.00 + 100.00 = 260.00 in 3 lines
        expectPayments(NOV, 3, "260.00");
        assertThat(journaled(NOV, 0)).containsExactly("P-AFTER", "P-BEFORE", "P-ON");
    }

    @Test
    @Order(2)
    void aRerunAfterCollectionsChangesNothing() throws IOException {
        drop("hand-worked/balance/payments-2026-12.csv", properties.inbox("payments"));
        assertThat(collections.collect(LocalDate.of(2026, 11, 20)).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(5);

        assertThat(launcher.rerun(NOV).result()).isEqualTo(Result.COMPLETED);
        // still 260.00 in 3 lines, not 260.00 + 85.20 + 30.00 = 375.20 in 5
        expectPayments(NOV, 3, "260.00");
        assertThat(journaled(NOV, 1)).isEmpty();
    }

    @Test
    @Order(3)
    void decemberCountsAndJournalsWhatCollectionsApplied() {
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);
        // 85.20 + 30.00 = 115.20 in 2 lines (nothing new in December's inbox)
        expectPayments(DEC, 2, "115.20");
        assertThat(journaled(DEC, 0)).containsExactly("P-LATE", "P-NOV");
        // and November, asked again after December, still its own
        expectPayments(NOV, 3, "260.00");
    }

    private void expectPayments(LocalDate cycle, long lines, String amount) {
        Reconciliation r = new CycleReconciliation(jdbc, jobRepository)
                .of(cycle, BillingCycleJob.executionsOf(jobRepository, cycle));
        assertThat(r.equation("payments read").value("payment lines read")).as(cycle + " lines")
                .isEqualByComparingTo(BigDecimal.valueOf(lines));
        assertThat(r.equation("ledger CAD").value("payments")).as(cycle + " payments")
                .isEqualByComparingTo(amount);
        assertThat(r.holds()).as(r.table()).isTrue();
    }

    private List<String> journaled(LocalDate cycle, int rerun) {
        return jdbc.queryForList("""
                SELECT source_ref FROM journal_posting WHERE source_type = 'PAYMENT' AND cycle_date = ? AND rerun = ?
                ORDER BY source_ref""", String.class, cycle, rerun);
    }
}
