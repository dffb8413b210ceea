package ca.isp.billing.writers;

import ca.isp.billing.domain.Statement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The layout engine (LayoutInvoiceRenderer) held to what the HTML engine's test asks of an
 * invoice: every amount read back, accents intact, the envelope windows, the slip; plus what
 * only this engine does: pages numbered and the slip on the last page of a long invoice, and the
 * layout file read again when an operator edits it.
 */
class LayoutInvoiceRendererTest extends InvoiceRendererContractTest {

    private final LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(Invoices.TEMPLATES);

    @Override
    InvoiceRenderer renderer() {
        return renderer;
    }

    @Override
    String prefix() {
        return "layout-";
    }

    @Test
    void theAddressesSitWhereTheEnvelopeWindowsAre() throws IOException {
        byte[] pdf = renderer.render(Invoices.frenchQuebec("F-2026-000123"));

        // (the layout prints the two spaces before a postal code, as Canada Post writes it; HTML showed one)
        // recipient window of a #10 double-window envelope, on the tri-folded top panel:
        // 0.7 in to 4.5 in from the left, 1.95 in to 2.95 in from the top of the page
        assertThat(textIn(pdf, 0.7, 1.95, 3.8, 1.0)).isEqualTo(
                "Hélène Côté\n4520, rue Saint-Denis, app. 3\nMontréal (Québec)  H2J 2L3");
        // return window: 0.7 in to 3.9 in from the left, 0.6 in to 1.6 in from the top
        assertThat(textIn(pdf, 0.7, 0.6, 3.2, 1.0)).isEqualTo(
                "Internet Aurores boréales\n1200, boulevard René-Lévesque Ouest, bureau 800\nMontréal (Québec)  H3B 4W8");
    }

    @Test
    void aLongInvoiceFlowsOntoNumberedPagesWithTheHeaderRepeatedAndTheSlipOnTheLastOnly() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(40));
        keep("layout-long-2-pages.pdf", pdf);

        PdfText read = PdfText.read(pdf);
        assertThat(read.pages()).isEqualTo(2);
        assertThat(read.fontsNotEmbedded()).isEmpty();
        assertThat(pageText(pdf, 1)).contains("Page 1 of 2", "Call to 514-555-0001", "DESCRIPTION")
                .doesNotContain("Remittance slip");
        assertThat(pageText(pdf, 2)).contains("Page 2 of 2", "Remittance slip", "Call to 514-555-0040", "DESCRIPTION")
                // 40 lines of 1.00 each
                .contains("Amount due by November 21, 2026 $40.00");
    }

    @Test
    void aThreePageInvoiceHasItsPageNumbersAndOneSlip() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(90));
        keep("layout-long-3-pages.pdf", pdf);

        assertThat(PdfText.read(pdf).pages()).isEqualTo(3);
        for (int page = 1; page <= 3; page++) {
            assertThat(pageText(pdf, page)).contains("Page " + page + " of 3", "DESCRIPTION");
        }
        String all = PdfText.read(pdf).plain();
        assertThat(all.split("Remittance slip", -1)).hasSize(2);   // once
        assertThat(pageText(pdf, 3)).contains("Remittance slip", "Call to 514-555-0090")
                // 90 lines of 1.00 each
                .contains("Subtotal $90.00", "Amount due by November 21, 2026 $90.00");
        for (int i = 1; i <= 90; i++) {
            assertThat(all).contains(String.format("Call to 514-555-%04d ", i));
        }
    }

    @Test
    void aLabelAndAPositionEditedInTheLayoutFileShowOnTheNextInvoice(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        LayoutInvoiceRenderer edited = new LayoutInvoiceRenderer(templates);
        byte[] before = edited.render(Invoices.englishOntario("2026-000124"));
        assertThat(PdfText.read(before).plain()).contains("Remittance slip");
        // the title "Invoice" is right-aligned at 7.9 in, its baseline 0.78 in from the top
        assertThat(textIn(before, 6.0, 0.4, 2.0, 0.5)).isEqualTo("Invoice");

        Path layout = templates.resolve("invoice/layout_en.txt");
        Files.writeString(layout, Files.readString(layout)
                .replace("\"Remittance slip\"", "\"Payment stub\"")
                .replace("text  first 7.9   0.78  title     right \"Invoice\"",
                        "text  first 7.9   3.30  title     right \"Invoice\""));

        byte[] after = edited.render(Invoices.englishOntario("2026-000124"));
        assertThat(PdfText.read(after).plain()).contains("Payment stub").doesNotContain("Remittance slip");
        assertThat(textIn(after, 6.0, 0.4, 2.0, 0.5)).isEmpty();
        assertThat(textIn(after, 6.0, 2.9, 2.0, 0.5)).isEqualTo("Invoice");
    }

    @Test
    void everyInvoiceOfARendererCarriesTheLogoDrawnOnceForAllLanguagesAndThreads() throws Exception {
        // the logo is converted once and kept (Logo); each document must still get its own copy
        LayoutInvoiceRenderer shared = new LayoutInvoiceRenderer(Invoices.TEMPLATES);
        List<InvoiceDocument> docs = List.of(Invoices.englishOntario("2026-000124"),
                Invoices.frenchQuebec("F-2026-000123"), Invoices.bilingualQuebec("F-2026-000125"),
                Invoices.englishOntario("2026-000126"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> rendered = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (InvoiceDocument doc : docs) {
                    rendered.add(pool.submit(() -> shared.render(doc)));
                }
            }
            byte[] alone = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(docs.get(0));
            String expected = logoContents(alone);
            assertThat(expected).as("the logo form of a renderer used once").isNotEmpty();
            for (Future<byte[]> pdf : rendered) {
                assertThat(logoContents(pdf.get())).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLogoReplacedShowsOnTheNextInvoice(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        Path logo = templates.resolve("logo.svg");
        InvoiceDocument doc = Invoices.englishOntario("2026-000124");
        CompanyProfile c = doc.company();
        InvoiceDocument withLogo = new InvoiceDocument(new CompanyProfile(c.name(), c.legalName(), c.addressLines(),
                c.phone(), c.email(), c.website(), c.remittanceAddressNote(), c.messageEn(), c.messageFr(), logo),
                doc.language(), doc.invoiceNumber(), doc.accountNumber(), doc.customerName(),
                doc.mailingAddressLines(), doc.invoiceDate(), doc.dueDate(), doc.periodStart(), doc.periodEnd(),
                doc.lines(), doc.subtotal(), doc.tax(), doc.total(), doc.statement(), doc.currency());
        LayoutInvoiceRenderer edited = new LayoutInvoiceRenderer(templates);
        String before = logoContents(edited.render(withLogo));

        Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
                + "<rect x=\"4\" y=\"4\" width=\"24\" height=\"24\" fill=\"#c0392b\"/></svg>");
        String after = logoContents(edited.render(withLogo));
        assertThat(after).isNotEmpty().isNotEqualTo(before);
    }

    /** The logo form on the first page's background, its contents and those of the forms inside, decoded. */
    private static String logoContents(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.PDResources page = document.getPage(0).getResources();
            var background = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) page.getXObject(
                    org.apache.pdfbox.cos.COSName.getPDFName("BgFirst"));
            var logo = background.getResources().getXObject(org.apache.pdfbox.cos.COSName.getPDFName("Logo"));
            if (!(logo instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form)) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            formContents(form, s, 0);
            return s.toString();
        }
    }

    private static void formContents(org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form, StringBuilder s,
                                     int depth) throws IOException {
        try (var in = form.getContentStream().createInputStream()) {
            s.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n');
        }
        if (depth < 4 && form.getResources() != null) {
            for (var name : form.getResources().getXObjectNames()) {
                if (form.getResources().getXObject(name)
                        instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject inner) {
                    formContents(inner, s, depth + 1);
                }
            }
        }
    }

    @Test
    void aMistakeInTheLayoutFileIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        Path layout = templates.resolve("invoice/layout_fr.txt");
        Files.writeString(layout, Files.readString(layout).replace("\"${invoice.accountNumber}\"",
                "\"${invoice.noSuchValue}\""));

        assertThatThrownBy(() -> new LayoutInvoiceRenderer(templates).render(Invoices.frenchQuebec("F-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layout_fr.txt: line ")
                .hasMessageContaining("unknown value ${invoice.noSuchValue}");
    }

    @Test
    void anAttachmentIsAppendedAfterTheInvoicePages() throws IOException {
        PdfAttachments notice = PdfAttachments.of(List.of(Invoices.TEMPLATES.resolve("attachments/rate-change-notice.pdf")));
        byte[] pdf = new LayoutInvoiceRenderer(Invoices.TEMPLATES, notice).render(Invoices.frenchQuebec("F-2026-000123"));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(PdfText.read(pdf).fontsNotEmbedded()).isEmpty();
        assertThat(pageText(pdf, 1)).contains("Montant dû au 21 novembre 2026 1 279,03 $", "Talon de remise");
        assertThat(pageText(pdf, 2)).contains("Avis de changement de tarifs", "Notice of a rate change");
    }

    @Test
    void anAttachmentThatIsNotUsLetterIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path a4 = dir.resolve("a4.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
            doc.save(a4.toFile());
        }
        assertThatThrownBy(() -> PdfAttachments.of(List.of(a4)))
                .hasMessage("attachment " + a4 + ": page 1 is 8.27x11.69in, not US Letter (8.50x11.00in)");
    }
}
