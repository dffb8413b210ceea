package ca.isp.billing.jobs.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.InvoiceDocument;
import ca.isp.billing.writers.InvoiceView;

/**
 * A database billed before invoices were statements (migrations up to V6, payments applied after
 * the invoices) is upgraded (V7, V8): the old invoice keeps what it said and can still be
 * rendered, and the payment the old order posted after it is listed on the next invoice, whose
 * previous balance is the old invoice's amount due.
 *
 * Account 600001 (ON, NET-UNL 40.00 + HST 5.20 = 45.20): opening balance OLD-1 100.00
 * (2026-09-01); the old November invoice asked 100.00 + 45.20 = 145.20; then, in the old
 * order, payment P-1 of 100.00 dated 2026-10-20 was posted.
 */
class StatementUpgradeTest {

    @Test
    void anOldInvoiceKeepsItsFiguresAndTheNextOneListsThePaymentPostedAfterIt() throws Exception {
        Path home = Files.createTempDirectory("billing-upgrade-");
        String url = "jdbc:h2:file:" + home.resolve("db").resolve("billing");
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("6").load().migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        old.update("INSERT INTO plan VALUES ('NET-UNL', 'Net', 'Net', 'INTERNET', 40.00, 1, NULL, NULL, NULL)");
        old.update("INSERT INTO tax_rate (country, region, tax_code, name_en, name_fr, rate, registration)"
                + " VALUES ('CA', 'ON', 'HST', 'HST', 'TVH', 0.13, '123456789 RT0001')");
        old.update("""
                INSERT INTO account (account_number, name, customer_type, language, delivery, billing_line1, billing_city,
                    billing_region, billing_postal_code, billing_country, service_line1, service_city, service_region,
                    service_country, next_bill_date, status)
                VALUES ('600001', 'Old Customer', 'RESIDENTIAL', 'en', 'MAIL', '1 King St', 'Toronto', 'ON', 'M5H 1A1',
                    'CA', '1 King St', 'Toronto', 'ON', 'CA', DATE '2026-12-01', 'ACTIVE')""");
        long account = old.queryForObject("SELECT id FROM account", Long.class);
        old.update("INSERT INTO subscription (subscription_id, account_id, plan_code, start_date) VALUES ('S1', ?, 'NET-UNL', DATE '2026-01-01')", account);
        old.update("""
                INSERT INTO invoice (invoice_number, account_id, origin, status, invoice_date, due_date, language, currency,
                    subtotal, tax_total, total, previous_balance, amount_due, amount_paid)
                VALUES ('OLD-1', ?, 'IMPORTED', 'ISSUED', DATE '2026-09-01', DATE '2026-09-21', 'en', 'CAD',
                    100.00, 0, 100.00, 0, 100.00, 100.00)""", account);
        old.update("""
                INSERT INTO invoice (invoice_number, account_id, origin, cycle_date, status, invoice_date, due_date,
                    period_start, period_end, language, currency, subtotal, tax_total, total, previous_balance, amount_due,
                    amount_paid)
                VALUES ('600001-20261101', ?, 'BILLED', DATE '2026-11-01', 'ISSUED', DATE '2026-11-01', DATE '2026-11-22',
                    DATE '2026-11-01', DATE '2026-11-30', 'en', 'CAD', 40.00, 5.20, 45.20, 100.00, 145.20, 0)""", account);
        long november = old.queryForObject("SELECT id FROM invoice WHERE invoice_number = '600001-20261101'", Long.class);
        old.update("""
                INSERT INTO invoice_line (invoice_id, line_no, line_type, line_key, description, reason, amount)
                VALUES (?, 1, 'RECURRING', 'R1', 'Net', 'plan', 40.00), (?, 2, 'TAX', 'TAX:HST', 'HST 13%', 'tax', 5.20)""",
                november, november);
        old.update("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount) VALUES
                    (?, DATE '2026-09-01', 'OPENING_BALANCE', 'OLD-1', 100.00),
                    (?, DATE '2026-11-01', 'INVOICE', '600001-20261101', 45.20)""", account, account);
        // the old order: the cycle's payments after its invoices
        old.update("INSERT INTO ingested_file (kind, file_name, sha256, lines_read, records_stored, duplicates, rejected, ingested_at)"
                + " VALUES ('payments', 'p.csv', 'x', 1, 1, 0, 0, CURRENT_TIMESTAMP)");
        old.update("""
                INSERT INTO payment (payment_ref, account_id, received_on, amount, unapplied, file_id)
                VALUES ('P-1', ?, DATE '2026-10-20', 100.00, 0, (SELECT id FROM ingested_file))""", account);
        old.update("INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)"
                + " VALUES (?, DATE '2026-10-20', 'PAYMENT', 'P-1', -100.00)", account);

        // When the new version starts on it (V7, V8) and bills December
        try (BillingRun run = BillingRun.start(home, url, "sa", "")) {
            JdbcTemplate jdbc = run.jdbc();
            // the opening balance and the old invoice's own entry were on it; the payment was not
            assertThat(jdbc.queryForList("""
                    SELECT l.reference || ' ' || COALESCE(i.invoice_number, '-') FROM account_ledger l
                    LEFT JOIN invoice i ON i.id = l.statement_invoice_id ORDER BY l.id""", String.class))
                    .containsExactly("OLD-1 600001-20261101", "600001-20261101 600001-20261101", "P-1 -");

            // the old invoice still renders, saying what it said: 100.00 + 45.20 = 145.20
            InvoiceDocument document = new InvoiceDocumentLoader(new NamedParameterJdbcTemplate(jdbc),
                    run.bean(CompanyProfiles.class)).load(List.of(november)).get(november);
            assertThat(InvoiceView.of(document).amountDue()).isEqualTo("$145.20");
            assertThat(document.statement().payments()).isEmpty();

            assertThat(run.bean(CycleLauncher.class).bill(LocalDate.of(2026, 12, 1)).result()).isEqualTo(Result.COMPLETED);
            // December: previous 145.20 (November's amount due), P-1 100.00 listed now, 45.20 new:
            // 145.20 - 100.00 + 45.20 = 90.40, the ledger balance on 12-01
            Map<String, Object> december = jdbc.queryForMap("""
                    SELECT previous_balance, payments_received, total, amount_due FROM invoice WHERE cycle_date = DATE '2026-12-01'""");
            assertThat((BigDecimal) december.get("PREVIOUS_BALANCE")).isEqualByComparingTo("145.20");
            assertThat((BigDecimal) december.get("PAYMENTS_RECEIVED")).isEqualByComparingTo("100.00");
            assertThat((BigDecimal) december.get("TOTAL")).isEqualByComparingTo("45.20");
            assertThat((BigDecimal) december.get("AMOUNT_DUE")).isEqualByComparingTo("90.40");
            assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM account_ledger", BigDecimal.class))
                    .isEqualByComparingTo("90.40");
        }
    }
}
