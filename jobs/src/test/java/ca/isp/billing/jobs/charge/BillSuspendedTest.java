package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * billing.charge.bill-suspended, both ways (fixtures hand-worked/suspended: account 530001 in
 * Ontario on NET-UNL, 40.00 a month + HST 13 %). November's invoice bills 11-01..11-30; collections
 * suspend the account on 2026-11-16 for non-payment and it stays suspended. December:
 * <ul>
 * <li>true (the default): billed as usual: 40.00 + HST 5.20 = 45.20;</li>
 * <li>false: the 15 suspended days of November (16..30 of 30) are credited, 40.00 x 15 / 30 =
 * -20.00, and December, suspended all month, is not billed: subtotal -20.00, HST -2.60, total
 * -22.60.</li>
 * </ul>
 */
class BillSuspendedTest {

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void aSuspendedAccountIsBilledByDefault() throws IOException {
        try (BillingRun run = BillingRun.onH2()) {
            billSuspendedInNovember(run);
            assertThat(december(run.jdbc())).containsExactly("40.00", "5.20", "45.20");
        }
    }

    @Test
    void noRecurringChargeForTheDaysSuspendedWhenSwitchedOff() throws IOException {
        try (BillingRun run = BillingRun.onH2(Map.of("billing.charge.bill-suspended", "false"))) {
            billSuspendedInNovember(run);
            assertThat(december(run.jdbc())).containsExactly("-20.00", "-2.60", "-22.60");
            // no line bills any day of December
            assertThat(run.jdbc().queryForObject("""
                    SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                    WHERE i.cycle_date = ? AND l.line_type = 'RECURRING' AND l.amount > 0""", Long.class, DEC)).isZero();
        }
    }

    private static void billSuspendedInNovember(BillingRun run) throws IOException {
        ReferenceDataImporter importer = run.bean(ReferenceDataImporter.class);
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/suspended/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/suspended/subscriptions.csv");
        CycleLauncher launcher = run.bean(CycleLauncher.class);
        assertThat(launcher.bill(NOV, CycleLauncher.Option.FORCE).result()).isEqualTo(Result.COMPLETED);
        JdbcTemplate jdbc = run.jdbc();
        assertThat(jdbc.queryForObject("SELECT total FROM invoice WHERE cycle_date = ?", BigDecimal.class, NOV))
                .isEqualByComparingTo("45.20");
        // collections' suspension on 2026-11-16 (delinquent since 11-09), as the delinquency step records it
        long account = jdbc.queryForObject("SELECT id FROM account WHERE account_number = '530001'", Long.class);
        jdbc.update("""
                INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount)
                VALUES (?, ?, 'ACTIVE', 'DELINQUENT', 45.20), (?, ?, 'DELINQUENT', 'SUSPENDED', 45.20)""",
                account, LocalDate.of(2026, 11, 9), account, LocalDate.of(2026, 11, 16));
        jdbc.update("UPDATE account SET status = 'SUSPENDED' WHERE id = ?", account);
        assertThat(launcher.bill(DEC, CycleLauncher.Option.FORCE).result()).isEqualTo(Result.COMPLETED);
    }

    /** December's subtotal, tax and total. */
    private static List<String> december(JdbcTemplate jdbc) {
        Map<String, Object> row = jdbc.queryForMap("SELECT subtotal, tax_total, total FROM invoice WHERE cycle_date = ?", DEC);
        return List.of(((BigDecimal) row.get("SUBTOTAL")).toPlainString(), ((BigDecimal) row.get("TAX_TOTAL")).toPlainString(),
                ((BigDecimal) row.get("TOTAL")).toPlainString());
    }
}
