package ca.isp.billing.jobs.quote;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.InvoiceNowLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Quotes invoiced on their own, outside the cycle (run.sh invoice-now), on H2: the cycle's tax,
 * numbering, review gate, PDF and hand-off; run twice, or with the cycle of the same day, a quote
 * is invoiced once and its delivery queued and sent once. Today is 2026-11-20 (PinnedClock), the
 * accounts' bill day too. Ontario: HST 13%.
 */
class InvoiceNowTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private InvoiceNowLauncher invoiceNow;

    @Test
    void anAcceptedQuoteIsInvoicedOnceOnItsOwnBesideTheCycle() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/quotes/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/quotes/subscriptions.csv");
        ReferenceDataImporter.Result imported = importer.importFile(Kind.QUOTES, path("hand-worked/quotes/quotes.csv"));
        assertThat(imported.inserted()).isEqualTo(4);

        // invoice-now for 460001: Q-100 (accepted Nov 18) only; Q-200 is not accepted
        assertThat(invoiceNow.invoiceNow("460001", null).result()).isEqualTo(Result.COMPLETED);

        // installation 120.00 + router 89.99 = 209.99; HST 209.99 x 0.13 = 27.2987 -> 27.30; total 237.29
        assertThat(lines("QUOTE:Q-100")).containsExactly("ONE_TIME 120.00 Installation", "ONE_TIME 89.99 Router",
                "TAX 27.30 HST 13% (no 123456789 RT0001)");
        Map<String, Object> q100 = invoice("QUOTE:Q-100");
        assertThat((BigDecimal) q100.get("total")).isEqualByComparingTo("237.29");
        assertThat(q100.get("status")).isEqualTo("ISSUED");
        assertThat(q100.get("review_status")).isEqualTo("CLEARED");
        String q100Number = (String) q100.get("invoice_number");
        // the PDF, read back: its lines and total
        assertThat(pdfText((String) q100.get("pdf_path"))).contains(q100Number).contains("Installation")
                .contains("Router").contains("237.29");
        // nothing of the cycle was made, nor of the other account's accepted quote
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE source = 'CYCLE'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE source = 'QUOTE:Q-300'")).isZero();

        // run again: nothing more; the delivery was queued once and sent once
        assertThat(invoiceNow.invoiceNow("460001", null).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE source LIKE 'QUOTE:%'")).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT d.channel || ' ' || d.status || ' ' || d.attempts FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                WHERE i.source = 'QUOTE:Q-100'""", String.class)).containsExactly("EMAIL SENT 1");
        assertThat(emails()).containsExactly(q100Number + "-EMAIL.eml");

        // the cycle of the same day bills the account as always, on an invoice of its own, numbered next:
        // NET-50 for Nov 20 - Dec 19, 50.00 + HST 6.50 = 56.50; no quote line on it
        var billed = launcher.bill(TODAY);
        assertThat(billed.result()).as(billed.message()).isEqualTo(Result.COMPLETED);
        assertThat(lines("CYCLE")).containsExactly("RECURRING 50.00 Net 50", "TAX 6.50 HST 13% (no 123456789 RT0001)");
        Map<String, Object> cycle = invoice("CYCLE");
        assertThat((BigDecimal) cycle.get("total")).isEqualByComparingTo("56.50");
        // gapless: the cycle's two invoices (460001, 460002) follow the quote's number
        assertThat(numbers()).containsExactly(q100Number, next(q100Number, 1), next(q100Number, 2));
        assertThat(count("SELECT COUNT(*) FROM quote WHERE quote_ref = 'Q-100' AND invoice_id IS NOT NULL")).isEqualTo(1);

        // --quote Q-200 accepts it today and invoices it alone: 75.00 + HST 9.75 = 84.75
        assertThat(invoiceNow.invoiceNow("460001", "Q-200").result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT accepted_on FROM quote WHERE quote_ref = 'Q-200'", LocalDate.class))
                .isEqualTo(TODAY);
        assertThat((BigDecimal) invoice("QUOTE:Q-200").get("total")).isEqualByComparingTo("84.75");
        assertThat(numbers()).hasSize(4).last().isEqualTo(next(q100Number, 3));
        assertThat(invoiceNow.invoiceNow("460001", "Q-200").result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM delivery")).isEqualTo(4);
        assertThat(emails()).hasSize(4);
        // a quote of another account is refused
        assertThat(invoiceNow.invoiceNow("460001", "Q-300").result()).isEqualTo(Result.REFUSED);

        // the same file again changes nothing, an invoiced quote cannot change, bad lines are rejected
        ReferenceDataImporter.Result again = importer.importFile(Kind.QUOTES, path("hand-worked/quotes/quotes.csv"));
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.inserted() + again.updated() + again.rejected()).isZero();
        ReferenceDataImporter.Result bad = importer.importFile(Kind.QUOTES,
                path("hand-worked/quotes/quotes-with-errors.csv"));
        assertThat(bad.inserted()).isEqualTo(1);
        assertThat(Files.readString(bad.rejectFile()))
                .contains("3,tax_class,\"not one of INTERNET_ACCESS")
                .contains("4,account_number,unknown account '999999' (import accounts first)")
                .contains("5,line_no,must be from 1 to 999: '0'")
                .contains("6,amount,must not be 0: '0.00'")
                .contains("7,accepted_on,before quote_date 2026-11-10: 2026-11-01")
                .contains("8,quote_ref,quote 'Q-100' is invoiced already: it cannot change (import a new quote)");
    }

    private List<String> lines(String source) {
        return jdbc.queryForList("""
                SELECT CONCAT(l.line_type, ' ', l.amount, ' ', l.description)
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '460001' AND i.source = ? ORDER BY l.line_no""", String.class, source);
    }

    private Map<String, Object> invoice(String source) {
        return jdbc.queryForMap("""
                SELECT i.invoice_number, i.status, i.review_status, i.total, i.pdf_path FROM invoice i
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '460001' AND i.source = ?""", source);
    }

    private List<String> numbers() {
        return jdbc.queryForList("SELECT invoice_number FROM invoice ORDER BY invoice_number", String.class);
    }

    /** The invoice number {@code n} after the given one in its series (F-2026-000001 -> F-2026-000002). */
    private static String next(String number, int n) {
        String digits = number.replaceAll(".*?(\\d+)$", "$1");
        String prefix = number.substring(0, number.length() - digits.length());
        return prefix + String.format("%0" + digits.length() + "d", Long.parseLong(digits) + n);
    }

    private List<String> emails() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("out").resolve("email").resolve(TODAY.toString()))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".eml")).sorted().toList();
        }
    }

    private static String pdfText(String pdfPath) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Path.of(pdfPath).toFile())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        }
    }
}
