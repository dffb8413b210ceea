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
 * LayoutInvoiceRendererTest for layout): refuse totals that do not add up before printing
 * anything, render from several threads at once; and the helpers both read their PDFs back with.
 */
abstract class InvoiceRendererContractTest {

    static final float LETTER_WIDTH = 612f;   // 8.5 in x 72 pt
    static final float LETTER_HEIGHT = 792f;  // 11 in x 72 pt

    /** The engine under test. */
    abstract InvoiceRenderer renderer();

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
