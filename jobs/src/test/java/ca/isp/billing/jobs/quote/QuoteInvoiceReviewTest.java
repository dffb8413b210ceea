package ca.isp.billing.jobs.quote;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.InvoiceNowLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * Quote invoices beside cycle invoices, on H2, in British Columbia (hand-worked/geo: GST 5%, PST
 * 7%, no PST on internet access; hand-worked/quote-review: three accounts and their quotes).
 * Today is 2026-11-20 (PinnedClock): invoice-now runs on that date.
 * <ul>
 * <li>The review gate compares a quote invoice with no cycle invoice, and a cycle invoice with no
 * quote invoice: a router (PST) between two internet bills (no PST) holds nothing.</li>
 * <li>A held quote invoice voided goes back to be billed: invoice-now bills it once more.</li>
 * <li>Invoice-now on a cycle's date leaves the cycle's mail-vendor batch as it was handed over.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuoteInvoiceReviewTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate OCT25 = LocalDate.of(2026, 10, 25);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate NOV25 = LocalDate.of(2026, 11, 25);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.handoff.vendor-zip", () -> "true");
    }

    @Autowired
    private InvoiceNowLauncher invoiceNow;
    @Autowired
    private ReviewDesk desk;

    @Test
    @Order(1)
    void aQuoteInvoiceIsNotComparedWithCycleInvoicesNorTheyWithIt() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/geo/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/geo/tax-rates.csv");
        importFile(importer, Kind.TAX_RULES, "hand-worked/geo/tax-rules.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/quote-review/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/quote-review/subscriptions.csv");
        importFile(importer, Kind.QUOTES, "hand-worked/quote-review/quotes.csv");

        // Oct 25: 480001's internet, 40.00 + GST 5% 2.00 = 42.00 (no PST on internet access in BC)
        assertThat(bill(OCT25).result()).isEqualTo(Result.COMPLETED);
        assertThat(invoice("480001", "CYCLE", OCT25)).containsEntry("total", new BigDecimal("42.00"))
                .containsEntry("review_status", "CLEARED");

        // Nov 20, invoice-now: the router Q-BC1, 100.00 + GST 5.00 + PST 7.00 = 112.00. Compared with
        // the Oct 25 invoice it would be "PST 7% is charged and was not on the last invoice": not compared.
        assertThat(invoiceNow.invoiceNow("480001", null).result()).isEqualTo(Result.COMPLETED);
        assertThat(invoice("480001", "QUOTE:Q-BC1", TODAY)).containsEntry("total", new BigDecimal("112.00"))
                .containsEntry("review_status", "CLEARED");
        assertThat(count("SELECT COUNT(*) FROM review_hold")).isZero();

    }

    @Test
    @Order(2)
    void aVoidedQuoteInvoiceLeavesItsQuoteToBeBilledOnceMore() {
        // 480002 has no cycle invoice yet: the installation Q-BC2 is its first invoice,
        // 1,150.00 + GST 57.50 + PST 80.50 = 1,288.00 > the first-invoice ceiling 1,000.00: held
        assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
        Map<String, Object> held = invoice("480002", "QUOTE:Q-BC2", TODAY);
        assertThat(held).containsEntry("total", new BigDecimal("1288.00")).containsEntry("review_status", "HELD");
        assertThat(jdbc.queryForList("SELECT h.rule_code FROM review_hold h JOIN invoice i ON i.id = h.invoice_id"
                + " WHERE i.source = 'QUOTE:Q-BC2'", String.class)).containsExactly("FIRST_INVOICE_CEILING");
        String number = (String) held.get("invoice_number");

        // the operator voids it (the price was wrong): the quote is accepted and billable again, and said so
        List<String> notes = desk.voidInvoices(TODAY, List.of(number), "price to be confirmed", "alice");
        assertThat(notes).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT invoice_id FROM quote WHERE quote_ref = 'Q-BC2'", Long.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT accepted_on FROM quote WHERE quote_ref = 'Q-BC2'", LocalDate.class))
                .isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(jdbc.queryForMap("""
                SELECT q.quote_ref, i.invoice_number, r.credit_note, r.reopened_by, r.reason
                FROM quote_reopened r JOIN quote q ON q.id = r.quote_id JOIN invoice i ON i.id = r.voided_invoice_id"""))
                .containsEntry("QUOTE_REF", "Q-BC2").containsEntry("INVOICE_NUMBER", number)
                .containsEntry("CREDIT_NOTE", notes.get(0)).containsEntry("REOPENED_BY", "alice")
                .containsEntry("REASON", "price to be confirmed");

        // invoice-now the same day bills it once more, on an invoice of its own: 1,288.00, held again
        // (still the account's first), and once only however often it runs
        assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
        assertThat(invoiceNow.invoiceNow("480002", null).result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForList("""
                SELECT i.source || ' ' || i.status || ' ' || i.total FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '480002' ORDER BY i.id""", String.class))
                .containsExactly("QUOTE:Q-BC2 VOID 1288.00", "QUOTE:Q-BC2#2 ISSUED 1288.00");
        assertThat(count("""
                SELECT COUNT(*) FROM quote q JOIN invoice i ON i.id = q.invoice_id
                WHERE q.quote_ref = 'Q-BC2' AND i.source = 'QUOTE:Q-BC2#2'""")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void invoiceNowOnACycleDateLeavesTheCyclesVendorBatchAsHandedOver() throws IOException {
        // Nov 20: the cycle bills 480003 (MAIL: a letter in the mail-vendor batch of 2026-11-20)
        assertThat(bill(TODAY).result()).isEqualTo(Result.COMPLETED);
        Path vendor = properties.out().resolve("mail-vendor");
        Map<String, byte[]> handedOver = files(vendor.resolve(TODAY.toString()));
        handedOver.put("zip", Files.readAllBytes(vendor.resolve(TODAY + ".zip")));
        assertThat(handedOver).containsKeys("manifest.csv", "SHA256SUMS");
        assertThat(handedOver.keySet().stream().filter(f -> f.endsWith(".pdf"))).hasSize(1);

        // the same day, invoice-now bills 480003's wall jack Q-BC3 (a letter too):
        // 20.00 + GST 1.00 + PST 1.40 = 22.40
        assertThat(invoiceNow.invoiceNow("480003", null).result()).isEqualTo(Result.COMPLETED);
        assertThat(invoice("480003", "QUOTE:Q-BC3", TODAY)).containsEntry("total", new BigDecimal("22.40"));

        // the cycle's batch is byte for byte what it was
        Map<String, byte[]> after = files(vendor.resolve(TODAY.toString()));
        after.put("zip", Files.readAllBytes(vendor.resolve(TODAY + ".zip")));
        assertThat(after.keySet()).isEqualTo(handedOver.keySet());
        handedOver.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        // invoice-now's letter is in a batch of its own, named by the date, invoice-now and the account
        Path own = vendor.resolve(TODAY + "-invoice-now-480003");
        List<String> manifest = Files.readAllLines(own.resolve("manifest.csv"));
        assertThat(manifest).hasSize(2);
        assertThat(manifest.get(1)).contains((String) invoice("480003", "QUOTE:Q-BC3", TODAY).get("invoice_number"));
        assertThat(files(own).keySet().stream().filter(f -> f.endsWith(".pdf"))).hasSize(1);
        assertThat(vendor.resolve(TODAY + "-invoice-now-480003.zip")).exists();
    }

    @Test
    @Order(4)
    void theNextCycleInvoiceIsComparedWithCycleInvoicesOnly() {
        // Nov 25: 480001's internet again, 42.00. The last invoice is the router's (Nov 20, with PST);
        // compared with it, "PST 7% was charged on the last invoice and is not charged on this one".
        // History is the Oct 25 cycle invoice: same taxes, same total: cleared.
        assertThat(bill(NOV25).result()).isEqualTo(Result.COMPLETED);
        assertThat(invoice("480001", "CYCLE", NOV25)).containsEntry("total", new BigDecimal("42.00"))
                .containsEntry("review_status", "CLEARED");
        assertThat(count("""
                SELECT COUNT(*) FROM review_hold h JOIN invoice i ON i.id = h.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '480001'""")).isZero();
    }

    private CycleOutcome bill(LocalDate date) {
        CycleOutcome outcome = launcher.bill(date);
        assertThat(outcome.result()).as(outcome.message()).isEqualTo(Result.COMPLETED);
        return outcome;
    }

    private Map<String, Object> invoice(String account, String source, LocalDate date) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT i.invoice_number, i.review_status, i.total FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.source = ? AND i.cycle_date = ?""", account, source, date);
        Map<String, Object> lower = new TreeMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
