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

class InvoicePdfRendererTest extends InvoiceRendererContractTest {

    private final InvoicePdfRenderer renderer = new InvoicePdfRenderer(Invoices.TEMPLATES);

    @Override
    InvoiceRenderer renderer() {
        return renderer;
    }

    @Override
    String prefix() {
        return "";
    }

    @Test
    void theAddressesSitWhereTheEnvelopeWindowsAre() throws IOException {
        byte[] pdf = renderer.render(Invoices.frenchQuebec("F-2026-000123"));

        // recipient window of a #10 double-window envelope, on the tri-folded top panel:
        // 0.7 in to 4.5 in from the left, 1.95 in to 2.95 in from the top of the page
        assertThat(textIn(pdf, 0.7, 1.95, 3.8, 1.0)).isEqualTo(
                "Hélène Côté\n4520, rue Saint-Denis, app. 3\nMontréal (Québec) H2J 2L3");
        // return window: 0.7 in to 3.9 in from the left, 0.6 in to 1.6 in from the top
        assertThat(textIn(pdf, 0.7, 0.6, 3.2, 1.0)).isEqualTo(
                "Internet Aurores boréales\n1200, boulevard René-Lévesque Ouest, bureau 800\nMontréal (Québec) H3B 4W8");
    }

    @Test
    void aLongInvoiceFlowsOntoASecondPageAndKeepsTheSlipOnTheFirst() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(40));

        PdfText read = PdfText.read(pdf);
        assertThat(read.pages()).isEqualTo(2);
        assertThat(read.fontsNotEmbedded()).isEmpty();
        assertThat(pageText(pdf, 1)).contains("Remittance slip", "Call to 514-555-0001");
        assertThat(pageText(pdf, 2)).doesNotContain("Remittance slip")
                .contains("Call to 514-555-0040", "DESCRIPTION")  // the heading repeats on every page
                // 40 lines of 1.00 each
                .contains("Amount due by November 21, 2026 $40.00");
    }

    @Test
    void aTemplateEditShowsOnTheNextRender(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        InvoicePdfRenderer edited = new InvoicePdfRenderer(templates);
        assertThat(PdfText.read(edited.render(Invoices.englishOntario("2026-000124"))).plain())
                .contains("Remittance slip");

        Path template = templates.resolve("invoice/invoice_en.ftl");
        Files.writeString(template, Files.readString(template).replace("Remittance slip", "Payment stub"));

        assertThat(PdfText.read(edited.render(Invoices.englishOntario("2026-000124"))).plain())
                .contains("Payment stub").doesNotContain("Remittance slip");
    }

    @Test
    void aBrokenTemplateFailsNamingTheTemplateAndLine(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        Path template = templates.resolve("invoice/invoice_fr.ftl");
        Files.writeString(template, Files.readString(template)
                .replace("<div class=\"title\">Facture</div>", "<div class=\"title\">${invoice.noSuchValue}</div>"));
        InvoicePdfRenderer broken = new InvoicePdfRenderer(templates);

        assertThatThrownBy(() -> broken.render(Invoices.frenchQuebec("F-1")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("template invoice/invoice_fr.ftl: failed at line ")
                .hasMessageContaining("noSuchValue")
                .extracting(e -> ((TemplateRenderException) e).template()).isEqualTo("invoice/invoice_fr.ftl");
    }

    @Test
    void aTemplateSyntaxErrorOrAMissingTemplateIsNamed(@TempDir Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        Files.writeString(templates.resolve("invoice/invoice_en.ftl"), "<#if>\n");
        Files.delete(templates.resolve("invoice/invoice_fr.ftl"));
        InvoicePdfRenderer broken = new InvoicePdfRenderer(templates);

        assertThatThrownBy(() -> broken.render(Invoices.englishOntario("1")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("template invoice/invoice_en.ftl: syntax error at line 1");
        assertThatThrownBy(() -> broken.render(Invoices.frenchQuebec("2")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("template invoice/invoice_fr.ftl: not found in ");
    }
}
