package ca.isp.billing.jobs.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.InvoiceNowLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * invoice-now on MariaDB (V25's keys as MySQL makes them): the quote invoiced once beside the
 * cycle invoice of the same day, as InvoiceNowTest on H2. Same server and skip rule as
 * {@link ca.isp.billing.jobs.cycle.MariaDbCycleTest}. And V31's quote_reopened: a held quote
 * invoice voided and its quote billed again the same day, as QuoteInvoiceReviewTest on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbInvoiceNowTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_quote", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void aQuoteIsInvoicedOnceBesideTheCycleInvoiceOfTheSameDay() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-quote-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
            Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
            Fixtures.importFile(importer, Kind.ACCOUNTS, "hand-worked/quotes/accounts.csv");
            Fixtures.importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/quotes/subscriptions.csv");
            Fixtures.importFile(importer, Kind.QUOTES, "hand-worked/quotes/quotes.csv");
            InvoiceNowLauncher invoiceNow = maria.bean(InvoiceNowLauncher.class);

            assertThat(invoiceNow.invoiceNow("460001", null).result()).isEqualTo(Result.COMPLETED);
            assertThat(maria.bean(CycleLauncher.class).bill(LocalDate.of(2026, 11, 20)).result())
                    .isEqualTo(Result.COMPLETED);
            assertThat(invoiceNow.invoiceNow("460001", null).result()).isEqualTo(Result.COMPLETED);

            // 209.99 + HST 27.30 = 237.29; the cycle: 50.00 + 6.50 = 56.50, on its own invoice
            assertThat(maria.jdbc().queryForList("""
                    SELECT CONCAT(i.source, ' ', i.total, ' ', i.status) FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '460001' ORDER BY i.invoice_number""", String.class))
                    .containsExactly("QUOTE:Q-100 237.29 ISSUED", "CYCLE 56.50 ISSUED");
            assertThat(maria.jdbc().queryForObject("""
                    SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.source = 'QUOTE:Q-100' AND d.status = 'SENT'""", Long.class)).isEqualTo(1L);
            assertThat(maria.jdbc().queryForObject("SELECT SUM(amount) FROM invoice_line l JOIN invoice i"
                    + " ON i.id = l.invoice_id WHERE i.source = 'QUOTE:Q-100'", BigDecimal.class))
                    .isEqualByComparingTo("237.29");
        }
    }

    @Test
    void aVoidedQuoteInvoiceGivesItsQuoteBackToBeBilledOnceMore() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-quote-void-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importFile(importer, Kind.PLANS, "hand-worked/geo/plans.csv");
            Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/geo/tax-rates.csv");
            Fixtures.importFile(importer, Kind.TAX_RULES, "hand-worked/geo/tax-rules.csv");
            Fixtures.importFile(importer, Kind.ACCOUNTS, "hand-worked/quote-review/accounts.csv");
            Fixtures.importFile(importer, Kind.QUOTES, "hand-worked/quote-review/quotes.csv");
            InvoiceNowLauncher invoiceNow = maria.bean(InvoiceNowLauncher.class);

            // Q-BC2: 1,150.00 + GST 57.50 + PST 80.50 = 1,288.00, the account's first: held
            assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
            String number = maria.jdbc().queryForObject(
                    "SELECT invoice_number FROM invoice WHERE source = 'QUOTE:Q-BC2' AND review_status = 'HELD'",
                    String.class);
            maria.bean(ReviewDesk.class).voidInvoices(LocalDate.of(2026, 11, 20), List.of(number), "wrong price", "bob");
            assertThat(maria.jdbc().queryForObject("SELECT COUNT(*) FROM quote_reopened r JOIN quote q ON q.id = r.quote_id"
                    + " WHERE q.quote_ref = 'Q-BC2' AND r.reopened_by = 'bob'", Long.class)).isEqualTo(1L);

            assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
            assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
            assertThat(maria.jdbc().queryForList("""
                    SELECT CONCAT(i.source, ' ', i.status, ' ', i.total) FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '480002' ORDER BY i.id""", String.class))
                    .containsExactly("QUOTE:Q-BC2 VOID 1288.00", "QUOTE:Q-BC2#2 ISSUED 1288.00");
        }
    }
}
