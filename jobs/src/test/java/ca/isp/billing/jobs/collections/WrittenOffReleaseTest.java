package ca.isp.billing.jobs.collections;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * An invoice the review gate releases after its account was written off is written off by the
 * next collections run, not left open for ever (fixtures hand-worked/held-statement; delinquent 1
 * day past due, suspended 2 days later, write-off 10 days after the oldest due date). 510001
 * owes OLD-A 100.00 due Nov 14; November's invoice F-2026-000001 (40.00 + HST 5.20 = 45.20) is
 * held (first-invoice ceiling 10.00). Nov 16 (Nov 14 + 1 = Nov 15 passed) delinquent; Nov 18
 * (Nov 16 + 2) suspended; Nov 25 (Nov 14 + 10 = Nov 24 passed) OLD-A written off, the held invoice
 * not (the customer never received it). Released then: 45.20 open on a WRITTEN_OFF account, which
 * nothing bills; Nov 27 writes it off: balance 100.00 + 45.20 - 100.00 - 45.20 = 0.00.
 */
class WrittenOffReleaseTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Path RULES = HOME.resolve("review-rules.properties");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.review.rules", RULES::toString);
        registry.add("billing.delinquency.days-past-due", () -> "1");
        registry.add("billing.delinquency.suspend-after-days", () -> "2");
        registry.add("billing.write-off.after-days", () -> "10");
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private ReviewDesk desk;

    @Test
    void anInvoiceReleasedOnAWrittenOffAccountIsWrittenOffByTheNextRun() throws IOException {
        Files.writeString(RULES, "first-invoice-ceiling.amount=10.00\n");
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/held-statement/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/held-statement/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/held-statement/opening-balances.csv");
        assertThat(launcher.bill(LocalDate.of(2026, 11, 1)).result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT review_status FROM invoice WHERE invoice_number = 'F-2026-000001'",
                String.class)).isEqualTo("HELD");
        for (String day : List.of("2026-11-16", "2026-11-18", "2026-11-25")) {
            assertThat(collections.collect(LocalDate.parse(day)).result()).as(day).isEqualTo(Result.COMPLETED);
        }
        assertThat(writeOffs()).containsExactly(tuple("WO-OLD-A", "100.00"));
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE account_number = '510001'", String.class))
                .isEqualTo("WRITTEN_OFF");

        assertThat(desk.release(LocalDate.of(2026, 11, 1), List.of("F-2026-000001"), "alice")).isOne();
        // 100.00 + 45.20 - 100.00: the released invoice is owed on an account nothing bills any more
        assertThat(Fixtures.balance(jdbc, "510001")).isEqualByComparingTo("45.20");

        assertThat(collections.collect(LocalDate.of(2026, 11, 27)).result()).isEqualTo(Result.COMPLETED);
        assertThat(writeOffs()).containsExactly(tuple("WO-F-2026-000001", "45.20"), tuple("WO-OLD-A", "100.00"));
        // 100.00 + 45.20 - 100.00 - 45.20 = 0.00; nothing open; still WRITTEN_OFF, no new status event
        assertThat(Fixtures.balance(jdbc, "510001")).isEqualByComparingTo("0.00");
        assertThat(count("SELECT COUNT(*) FROM open_invoice o JOIN account a ON a.id = o.account_id"
                + " WHERE a.account_number = '510001'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM delinquency_event e JOIN account a ON a.id = e.account_id"
                + " WHERE a.account_number = '510001' AND e.to_status = 'WRITTEN_OFF'")).isOne();
        assertThat(Files.readString(HOME.resolve("out/collections/2026-11-27/agency.csv")))
                .contains("510001").contains("45.20").contains("F-2026-000001");
    }

    private List<org.assertj.core.groups.Tuple> writeOffs() {
        return jdbc.query("""
                SELECT w.reference, w.amount FROM write_off w JOIN account a ON a.id = w.account_id
                WHERE a.account_number = '510001' ORDER BY w.reference""",
                (rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()));
    }
}
