package ca.isp.billing.jobs.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A database billed by the version before RecurringCharger (V9) upgrades (V10) and bills on:
 * the account keeps its day as bill day and bills from its next bill date on; plans get the price
 * of their whole term; an old monthly RECURRING line becomes the billed item of its month, so a
 * cancellation learnt after the upgrade is repaired; an old quarterly line (its term ran from the
 * subscription's start, as no term does now) is left as billed, never credited.
 *
 * Account 700001 (ON, HST 13%), next bill date 2026-12-01: NET-UNL 40.00 a month since
 * 2026-01-01, billed for November; NET-Q 30.00 x 3 = 90.00 a quarter since 2026-09-06, billed for
 * Sep 6 - Dec 5.
 */
class RecurringUpgradeTest {

    @Test
    void anOldDatabaseUpgradesAndItsLastMonthCanBeRepaired() throws Exception {
        Path home = Files.createTempDirectory("billing-upgrade-");
        String url = "jdbc:h2:file:" + home.resolve("db").resolve("billing");
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("9").load().migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        old.update("INSERT INTO plan VALUES ('NET-UNL', 'Net', 'Net', 'INTERNET', 40.00, 1, NULL, NULL, NULL)");
        old.update("INSERT INTO plan VALUES ('NET-Q', 'Net Q', 'Net T', 'INTERNET', 30.00, 3, NULL, NULL, NULL)");
        old.update("INSERT INTO tax_rate (country, region, tax_code, name_en, name_fr, rate, registration)"
                + " VALUES ('CA', 'ON', 'HST', 'HST', 'TVH', 0.13, '123456789 RT0001')");
        old.update("""
                INSERT INTO account (account_number, name, customer_type, language, delivery, billing_line1, billing_city,
                    billing_region, billing_postal_code, billing_country, service_line1, service_city, service_region,
                    service_country, next_bill_date, status)
                VALUES ('700001', 'Old Customer', 'RESIDENTIAL', 'en', 'MAIL', '1 King St', 'Toronto', 'ON', 'M5H 1A1',
                    'CA', '1 King St', 'Toronto', 'ON', 'CA', DATE '2026-12-01', 'ACTIVE')""");
        long account = old.queryForObject("SELECT id FROM account", Long.class);
        old.update("INSERT INTO subscription (subscription_id, account_id, plan_code, start_date) VALUES ('S1', ?, 'NET-UNL', DATE '2026-01-01')", account);
        old.update("INSERT INTO subscription (subscription_id, account_id, plan_code, start_date) VALUES ('S2', ?, 'NET-Q', DATE '2026-09-06')", account);
        for (String cycle : new String[] {"2026-09-01", "2026-11-01"}) {
            old.update("""
                    INSERT INTO invoice (invoice_number, account_id, origin, cycle_date, status, invoice_date, due_date,
                        period_start, period_end, language, currency, subtotal, tax_total, total, previous_balance,
                        amount_due, amount_paid)
                    VALUES (?, ?, 'BILLED', ?, 'ISSUED', ?, ?, ?, ?, 'en', 'CAD', 0, 0, 0, 0, 0, 0)""",
                    "700001-" + cycle, account, LocalDate.parse(cycle), LocalDate.parse(cycle),
                    LocalDate.parse(cycle).plusDays(21), LocalDate.parse(cycle), LocalDate.parse(cycle).plusMonths(1).minusDays(1));
        }
        long september = old.queryForObject("SELECT id FROM invoice WHERE cycle_date = DATE '2026-09-01'", Long.class);
        long november = old.queryForObject("SELECT id FROM invoice WHERE cycle_date = DATE '2026-11-01'", Long.class);
        old.update("""
                INSERT INTO invoice_line (invoice_id, line_no, line_type, line_key, description, reason, period_start,
                    period_end, amount)
                VALUES (?, 1, 'RECURRING', 'RECURRING:S2:2026-09-06', 'Net Q', 'plan', DATE '2026-09-06', DATE '2026-12-05', 90.00),
                       (?, 1, 'RECURRING', 'RECURRING:S1:2026-11-01', 'Net', 'plan', DATE '2026-11-01', DATE '2026-11-30', 40.00)""",
                september, november);

        try (BillingRun run = BillingRun.start(home, url, "sa", "")) {
            JdbcTemplate jdbc = run.jdbc();
            // the day of the next bill date is the bill day; the next bill date is where billing starts
            assertThat(jdbc.queryForMap("SELECT bill_day, billing_start FROM account")).containsEntry("BILL_DAY", 1)
                    .containsEntry("BILLING_START", java.sql.Date.valueOf("2026-12-01"));
            // a term's price: 40.00 x 1 and 30.00 x 3
            assertThat(jdbc.queryForObject("SELECT term_price FROM plan WHERE code = 'NET-UNL'", BigDecimal.class))
                    .isEqualByComparingTo("40.00");
            assertThat(jdbc.queryForObject("SELECT term_price FROM plan WHERE code = 'NET-Q'", BigDecimal.class))
                    .isEqualByComparingTo("90.00");
            assertThat(jdbc.queryForObject("SELECT quantity FROM subscription WHERE subscription_id = 'S1'", Integer.class))
                    .isEqualTo(1);
            // November's line is the billed item of S1's month Nov 1 - Dec 1; the quarter has none
            assertThat(jdbc.queryForMap("""
                    SELECT item_subscription_id, item_plan_code, item_term_start, item_term_end FROM invoice_line
                    WHERE line_key = 'RECURRING:S1:2026-11-01'""")).containsEntry("ITEM_SUBSCRIPTION_ID", "S1")
                    .containsEntry("ITEM_PLAN_CODE", "NET-UNL")
                    .containsEntry("ITEM_TERM_START", java.sql.Date.valueOf("2026-11-01"))
                    .containsEntry("ITEM_TERM_END", java.sql.Date.valueOf("2026-12-01"));
            assertThat(jdbc.queryForObject("SELECT item_subscription_id FROM invoice_line WHERE line_key = 'RECURRING:S2:2026-09-06'",
                    String.class)).isNull();

            // the order system says S1 stopped after November 20 (cancelled from the 21st)
            Path file = home.resolve("subscriptions.csv");
            Files.writeString(file, """
                    subscription_id,account_number,plan_code,service_id,start_date,end_date
                    S1,700001,NET-UNL,s1,2026-01-01,2026-11-20
                    S2,700001,NET-Q,s2,2026-09-06,
                    """);
            run.bean(ReferenceDataImporter.class).importFile(Kind.SUBSCRIPTIONS, file);
            assertThat(run.bean(CycleLauncher.class).bill(LocalDate.of(2026, 12, 1)).result()).isEqualTo(Result.COMPLETED);

            // December: November owes 40.00 x 20 / 30 = 26.6667 -> 26.67, billed 40.00: credit -13.33;
            // no December for S1; S2's quarter Oct 1 - Dec 31 (terms on the bill day now) was served
            // from before the upgrade, so it counts as billed: nothing for S2, and no credit of its old line
            assertThat(jdbc.queryForList("""
                    SELECT CONCAT(l.line_type, ' ', l.period_start, '..', l.period_end, ' ', l.amount) FROM invoice_line l
                    JOIN invoice i ON i.id = l.invoice_id WHERE i.cycle_date = DATE '2026-12-01' ORDER BY l.line_no""",
                    String.class)).containsExactly("CREDIT 2026-11-21..2026-11-30 -13.33", "TAX .. -1.73");
            Map<String, Object> december = jdbc.queryForMap("SELECT total FROM invoice WHERE cycle_date = DATE '2026-12-01'");
            // HST -13.33 x 0.13 = -1.7329 -> -1.73; total -15.06
            assertThat((BigDecimal) december.get("TOTAL")).isEqualByComparingTo("-15.06");
        }
    }
}
