package ca.isp.billing.writers;

import ca.isp.billing.domain.Statement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every invoice engine must do, whatever draws the page (InvoicePdfRendererTest for html,
 * LayoutInvoiceRendererTest for layout): a French and an English invoice read back with every
 * figure, payments listed or counted, totals that do not add up refused before anything is
 * printed, several threads at once; and the helpers both read their PDFs back with.
 */
abstract class InvoiceRendererContractTest {

    static final float LETTER_WIDTH = 612f;   // 8.5 in x 72 pt
    static final float LETTER_HEIGHT = 792f;  // 11 in x 72 pt

    /** The engine under test. */
    abstract InvoiceRenderer renderer();

    /** Put before the names of the PDFs kept under target/rendered/. */
    abstract String prefix();

    @Test
    void frenchInvoiceForAQuebecCustomerReadsBackExactly() throws IOException {
        byte[] pdf = renderer().render(Invoices.frenchQuebec("F-2026-000123"));
        keep(prefix() + "facture-fr.pdf", pdf);

        PdfText read = PdfText.read(pdf);
        assertLetterOnePageFontsEmbedded(read);
        String text = read.plain();
        assertThat(text).contains("Facture", "Numéro de compte", "100042", "F-2026-000123",
                "Hélène Côté", "4520, rue Saint-Denis, app. 3", "Montréal (Québec)", "Période de service",
                "Date d'échéance", "Montant dû", "Solde précédent", "Taxes", "Talon de remise",
                "Internet Aurores boréales");
        // lines and totals, hand-worked in Invoices.frenchQuebec
        assertThat(text).contains("Fibre Affaires 1 Gbit/s — forfait mensuel", "1er nov. – 30 nov. 2026", "1 mois",
                "899,00 $", "42,5 Go", "85,00 $", "-15,00 $",
                "Sous-total 1 068,95 $", "TPS (5 %) — n° 123456789 RT0001 53,45 $",
                "TVQ (9,975 %) — n° 1234567890 TQ0001 106,63 $",
                "Total de cette facture 1 229,03 $",
                // balance forward: 300,00 - 250,00 + 1 229,03 = 1 279,03
                "Solde précédent 300,00 $", "Paiement reçu le 21 oct. 2026 · CHQ-1042 -250,00 $",
                "Nouveaux frais 1 229,03 $", "Montant dû au 21 novembre 2026 1 279,03 $", "1er novembre 2026");
        assertThat(read.text()).as("amounts keep a no-break space so they never wrap").contains("1\u00A0279,03\u00A0$");
        assertThat(text).contains("Merci de votre confiance!");
    }

    @Test
    void aWriteOffAReturnedPaymentAndARecoverySayWhatTheyAreInBothLanguages() throws IOException {
        String english = PdfText.read(renderer().render(Invoices.withWriteOffReturnAndRecovery(
                Invoices.englishOntario("2026-000125")))).plain();
        assertThat(english).contains("Written off WO-F-2026-000100 -$300.00", "Returned payment NSF-CHQ-77 $40.00",
                "Written-off balance reinstated, payment CHQ-78 $15.00",
                // 300.00 - 15.00 + (-300.00 + 40.00 + 15.00 = -245.00) + 1227.97 = 1267.97
                "Amount due by November 21, 2026 $1,267.97").doesNotContain("Adjustment");
        String french = PdfText.read(renderer().render(Invoices.withWriteOffReturnAndRecovery(
                Invoices.frenchQuebec("F-2026-000125")))).plain();
        assertThat(french).contains("Radiation WO-F-2026-000100 -300,00 $", "Paiement retourné NSF-CHQ-77 40,00 $",
                "Solde radié rétabli, paiement CHQ-78 15,00 $",
                // 300.00 - 15.00 - 245.00 + 1229.03 = 1269.03
                "Montant dû au 21 novembre 2026 1 269,03 $").doesNotContain("Ajustement");
    }

    @Test
    void englishInvoiceReadsBackWithEnglishFormats() throws IOException {
        byte[] pdf = renderer().render(Invoices.englishOntario("2026-000124"));
        keep(prefix() + "invoice-en.pdf", pdf);

        PdfText read = PdfText.read(pdf);
        assertLetterOnePageFontsEmbedded(read);
        assertThat(read.plain()).contains("Invoice", "Account number", "200317", "2026-000124",
                "O'Brien & Daughters Ltd.", "Toronto ON", "Service period", "Due date",
                "Subtotal $1,086.70", "HST 13% — No. 123456789 RT0001 $141.27", "Total of this invoice $1,227.97",
                "Previous balance $0.00", "New charges $1,227.97", "Amount due by November 21, 2026 $1,227.97",
                "Remittance slip",
                "Nov. 1, 2026 – Oct. 31, 2027", "12 months", "$1,080.00", "134 min", "$6.70",
                "Make payment to:", "Northern Lights Internet Inc.");
    }

    @Test
    void paymentsReceivedAreListedOrCountedWhenMany() throws IOException {
        // 100.00 - 7 x 10.00 + 1,227.97 = 1,257.97
        assertThat(PdfText.read(renderer().render(Invoices.englishWithPayments(7))).plain())
                .contains("Previous balance $100.00", "7 payments received -$70.00", "New charges $1,227.97",
                        "Amount due by November 21, 2026 $1,257.97")
                .doesNotContain("Payment received Oct. 1, 2026");
        // 100.00 - 2 x 10.00 + 1,227.97 = 1,307.97
        assertThat(PdfText.read(renderer().render(Invoices.englishWithPayments(2))).plain())
                .contains("Payment received Oct. 1, 2026 · P-1 -$10.00", "Payment received Oct. 2, 2026 · P-2 -$10.00",
                        "Amount due by November 21, 2026 $1,307.97");
    }

    @Test
    void totalsThatDoNotAddUpAreRefusedBeforeAnythingIsPrinted() {
        InvoiceDocument good = Invoices.englishOntario("2026-000124");
        // amount due must be previous balance 0.00 - payments 0.00 + adjustments 0.00 + total 1227.97
        // = 1227.97, not 1300.00
        Statement s = good.statement();
        InvoiceDocument wrong = withStatement(good, new Statement(s.previousBalance(), s.payments(),
                s.paymentsReceived(), s.adjustments(), s.adjustmentsTotal(), s.newCharges(), new BigDecimal("1300.00")));

        assertThatThrownBy(() -> renderer().render(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoice 2026-000124: amount due 1300.00 is not previous balance - payments"
                        + " + adjustments + total (1227.97)");
    }

    @Test
    void paymentsThatDoNotAddUpToWhatTheStatementSaysAreRefused() {
        InvoiceDocument good = Invoices.frenchQuebec("2026-000125");
        // the statement says 250.00 received, the one payment listed is 200.00
        Statement s = good.statement();
        InvoiceDocument wrong = withStatement(good, new Statement(s.previousBalance(),
                List.of(Invoices.payment("2026-10-21", "CHQ-1042", "-200.00")), s.paymentsReceived(),
                s.adjustments(), s.adjustmentsTotal(), s.newCharges(), s.amountDue()));

        assertThatThrownBy(() -> renderer().render(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoice 2026-000125: payments received 250.00 is not the sum of the payments shown (200.00)");
    }

    static InvoiceDocument withStatement(InvoiceDocument doc, Statement statement) {
        return new InvoiceDocument(doc.company(), doc.language(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), doc.invoiceDate(), doc.dueDate(), doc.periodStart(),
                doc.periodEnd(), doc.lines(), doc.subtotal(), doc.tax(), doc.total(), statement, doc.currency());
    }

    @Test
    void severalThreadsRenderAtOnceEachGettingItsOwnInvoice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String number = "T-" + i;
                boolean french = i % 2 == 0;
                futures.add(pool.submit(() -> renderer().render(
                        french ? Invoices.frenchQuebec(number) : Invoices.englishOntario(number))));
            }
            for (int i = 0; i < futures.size(); i++) {
                PdfText read = PdfText.read(futures.get(i).get());
                assertLetterOnePageFontsEmbedded(read);
                assertThat(read.plain()).contains("T-" + i + "\n")
                        .contains(i % 2 == 0 ? "1 279,03 $" : "$1,227.97");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertLetterOnePageFontsEmbedded(PdfText read) {
        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.mediaBoxes()).allSatisfy(box -> {
            assertThat(box.getWidth()).isEqualTo(LETTER_WIDTH);
            assertThat(box.getHeight()).isEqualTo(LETTER_HEIGHT);
        });
        assertThat(read.fonts()).isNotEmpty().allSatisfy(font -> assertThat(font).contains("Noto"));
        assertThat(read.fontsNotEmbedded()).isEmpty();
    }

    static String pageText(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document).replace('\u00A0', ' ');
        }
    }

    /** The text inside a rectangle of page 1, in inches from the top left, lines trimmed. */
    static String textIn(byte[] pdf, double left, double top, double width, double height)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("r", new Rectangle2D.Double(left * 72, top * 72, width * 72, height * 72));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("r").replace('\u00A0', ' ').strip().lines()
                    .map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }

    /** Keeps the rendered PDF under target/ so a person can look at it. */
    static void keep(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "rendered");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }

    static Path copyTemplates(Path dir) throws IOException {
        Path target = dir.resolve("templates");
        try (Stream<Path> files = Files.walk(Invoices.TEMPLATES)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(Invoices.TEMPLATES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
