package ca.isp.billing.writers;

import ca.isp.billing.domain.InvoiceSegment;
import ca.isp.billing.domain.Language;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import static ca.isp.billing.writers.InvoiceRendererContractTest.copyTemplates;
import static ca.isp.billing.writers.InvoiceRendererContractTest.pageText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invoice messages (templates/messages/) and attachments (templates/attachments/attachments.txt)
 * chosen per cycle and per segment, read back from the PDFs: the right text and pages to the right
 * invoices and not to others, and an operator's edit seen on the next invoice without a rebuild.
 */
class InvoiceMessagesAndAttachmentsTest {

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    private static final String CYCLES = """
            # holiday hours for the November cycles only
            cycle 2026-11-01..2026-11-30
            en "Our offices are closed on November 11."
            fr "Nos bureaux sont fermés le 11 novembre."
            cycle 2026-12-01
            en "Prices change on January 1."
            fr "Les prix changent le 1er janvier."
            """;

    private static final String SEGMENTS = """
            message plan=FIBRE-1G province=QC
            en "Quebec fibre: new speeds in January."
            fr "Fibre au Québec : nouvelles vitesses en janvier."
            message type=BUSINESS language=en,bilingual
            en "Business customers: call your account manager."
            fr "Clientèle d'affaires : appelez votre gestionnaire."
            """;

    /** A document of {@link Invoices} given its segment and cycle date. */
    static ca.isp.billing.writers.InvoiceDocument of(InvoiceDocument d, InvoiceSegment segment, LocalDate cycle) {
        return new InvoiceDocument(d.company(), d.language(), d.invoiceNumber(), d.accountNumber(), d.customerName(),
                d.mailingAddressLines(), d.invoiceDate(), d.dueDate(), d.periodStart(), d.periodEnd(), d.lines(),
                d.subtotal(), d.tax(), d.total(), d.statement(), d.currency(), segment, cycle);
    }

    static InvoiceDocument frenchQuebecResidential(LocalDate cycle) {
        return of(Invoices.frenchQuebec("F-2026-000123"),
                new InvoiceSegment(Set.of("FIBRE-1G"), "QC", "RESIDENTIAL", Language.FR), cycle);
    }

    static InvoiceDocument englishOntarioBusiness(LocalDate cycle) {
        return of(Invoices.englishOntario("2026-000124"),
                new InvoiceSegment(Set.of("FIBRE-1G"), "ON", "BUSINESS", Language.EN), cycle);
    }

    static InvoiceDocument bilingualQuebecBusiness(LocalDate cycle) {
        return of(Invoices.bilingualQuebec("F-2026-000125"),
                new InvoiceSegment(Set.of("FIBRE-1G", "VOICE"), "QC", "BUSINESS", Language.BILINGUAL), cycle);
    }

    private static Path withMessages(Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        Files.createDirectories(templates.resolve("messages"));
        Files.writeString(templates.resolve("messages/cycle-messages.txt"), CYCLES);
        Files.writeString(templates.resolve("messages/segment-messages.txt"), SEGMENTS);
        return templates;
    }

    private static String text(byte[] pdf) {
        return PdfText.read(pdf).plain().replace('\n', ' ');
    }

    @Test
    void eachInvoiceShowsTheMessagesOfItsCycleAndSegmentAndNoOthers(@TempDir Path dir) throws IOException {
        LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(withMessages(dir));

        // French, Quebec, FIBRE-1G, residential, November: November's and Quebec fibre's, in French only
        String fr = text(renderer.render(frenchQuebecResidential(NOVEMBER)));
        assertThat(fr).contains("Nos bureaux sont fermés le 11 novembre.",
                        "Fibre au Québec : nouvelles vitesses en janvier.")
                .doesNotContain("Our offices", "Quebec fibre", "Les prix changent", "Clientèle d'affaires");

        // English, Ontario, business, November: November's and the business one, not Quebec's
        String en = text(renderer.render(englishOntarioBusiness(NOVEMBER)));
        assertThat(en).contains("Our offices are closed on November 11.",
                        "Business customers: call your account manager.")
                .doesNotContain("Quebec fibre", "Prices change", "Nos bureaux");

        // the December cycle: December's message instead of November's
        String december = text(renderer.render(englishOntarioBusiness(DECEMBER)));
        assertThat(december).contains("Prices change on January 1.").doesNotContain("November 11");

        // an invoice of no cycle (invoice-now) gets no cycle message, its segment's still
        String noCycle = text(renderer.render(englishOntarioBusiness(null)));
        assertThat(noCycle).contains("Business customers").doesNotContain("November 11", "Prices change");
    }

    @Test
    void aBilingualInvoiceShowsEachMessageInBothLanguages(@TempDir Path dir) throws IOException {
        LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(withMessages(dir));

        byte[] pdf = renderer.render(bilingualQuebecBusiness(NOVEMBER));

        String all = text(pdf);
        assertThat(all).contains("Our offices are closed on November 11.", "Nos bureaux sont fermés le 11 novembre.",
                "Quebec fibre: new speeds in January.", "Fibre au Québec : nouvelles vitesses en janvier.",
                "Business customers: call your account manager.", "Clientèle d'affaires : appelez votre gestionnaire.");
        // English in the left half (0.6 to 4.1 in), French in the right half (from 4.45 in)
        String left = InvoiceRendererContractTest.textIn(pdf, 0.5, 3.0, 3.8, 4.6).replace('\u00A0', ' ');
        String right = InvoiceRendererContractTest.textIn(pdf, 4.4, 3.0, 3.6, 4.6).replace('\u00A0', ' ');
        assertThat(left.replace('\n', ' ')).contains("Quebec fibre: new speeds in January.").doesNotContain("Fibre au Québec");
        assertThat(right.replace('\n', ' ')).contains("Fibre au Québec : nouvelles vitesses").doesNotContain("Quebec fibre");
    }

    @Test
    void aMessageEditedInACopyOfTheTemplatesShowsOnTheNextInvoice(@TempDir Path dir) throws IOException {
        Path templates = withMessages(dir);
        LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(templates);
        assertThat(text(renderer.render(frenchQuebecResidential(NOVEMBER)))).contains("nouvelles vitesses en janvier");

        Path segments = templates.resolve("messages/segment-messages.txt");
        Files.writeString(segments, Files.readString(segments)
                .replace("nouvelles vitesses en janvier", "vitesses doublées dès février"));

        String after = text(renderer.render(frenchQuebecResidential(NOVEMBER)));
        assertThat(after).contains("Fibre au Québec : vitesses doublées dès février.")
                .doesNotContain("nouvelles vitesses en janvier");
    }

    @Test
    void aMessageWithoutItsFrenchTextIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path templates = withMessages(dir);
        Files.writeString(templates.resolve("messages/segment-messages.txt"), """
                message province=QC
                en "English only"
                message province=ON,QC
                en "Hello"
                fr "Bonjour"
                """);
        assertThatThrownBy(() -> new LayoutInvoiceRenderer(templates).checkTemplates())
                .hasMessageContaining("segment-messages.txt: line 3: ")
                .hasMessageContaining("line 1: the message has no fr text");

        Files.writeString(templates.resolve("messages/segment-messages.txt"), "message provnce=QC\n");
        assertThatThrownBy(() -> new LayoutInvoiceRenderer(templates).render(frenchQuebecResidential(NOVEMBER)))
                .hasMessageContaining("segment-messages.txt: line 1: 'provnce=QC' is not a condition");
    }

    // ------------------------------------------------------------------ attachments

    /** A US Letter PDF of {@code pages} pages, each saying its title and page number. */
    static void letterPdf(Path file, String title, int pages, PDRectangle size) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    c.newLineAtOffset(72, 700);
                    c.showText(title + " page " + i);
                    c.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    private static Path withAttachments(Path dir) throws IOException {
        Path templates = copyTemplates(dir);
        letterPdf(templates.resolve("attachments/quebec-notice.pdf"), "Quebec notice", 2, PDRectangle.LETTER);
        letterPdf(templates.resolve("attachments/business-offer.pdf"), "Business offer", 1, PDRectangle.LETTER);
        Files.writeString(templates.resolve("attachments/attachments.txt"), """
                # file                  pages  conditions
                rate-change-notice.pdf  1                          # every invoice
                quebec-notice.pdf       2      province=QC language=fr,bilingual
                business-offer.pdf      1      type=BUSINESS plan=FIBRE-1G
                """);
        return templates;
    }

    @Test
    void attachmentsAreAppendedToEveryInvoiceOrToTheirSegmentOnly(@TempDir Path dir) throws IOException {
        LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(withAttachments(dir));

        // French residential in Quebec: its page + the notice for all (1) + Quebec's (2) = 4 pages
        byte[] fr = renderer.render(frenchQuebecResidential(NOVEMBER));
        assertThat(PdfText.read(fr).pages()).isEqualTo(4);
        assertThat(pageText(fr, 1)).contains("Talon de remise");
        assertThat(pageText(fr, 2)).contains("Avis de changement de tarifs");
        assertThat(pageText(fr, 3)).contains("Quebec notice page 1");
        assertThat(pageText(fr, 4)).contains("Quebec notice page 2");
        assertThat(PdfText.read(fr).text()).doesNotContain("Business offer");
        assertThat(PdfText.read(fr).mediaBoxes()).allSatisfy(box -> {
            assertThat(box.getWidth()).isEqualTo(612f);
            assertThat(box.getHeight()).isEqualTo(792f);
        });

        // English business in Ontario on FIBRE-1G: 1 + 1 (all) + 1 (business offer) = 3, no Quebec notice
        byte[] en = renderer.render(englishOntarioBusiness(NOVEMBER));
        assertThat(PdfText.read(en).pages()).isEqualTo(3);
        assertThat(pageText(en, 3)).contains("Business offer page 1");
        assertThat(PdfText.read(en).text()).doesNotContain("Quebec notice");

        // bilingual business in Quebec on FIBRE-1G: 1 + 1 + 2 + 1 = 5
        assertThat(PdfText.read(renderer.render(bilingualQuebecBusiness(NOVEMBER))).pages()).isEqualTo(5);

        // a PDF replaced in the folder (same name, same pages) is appended as it is now, no restart
        letterPdf(dir.resolve("templates/attachments/quebec-notice.pdf"), "Quebec notice v2", 2, PDRectangle.LETTER);
        byte[] again = renderer.render(frenchQuebecResidential(NOVEMBER));
        assertThat(pageText(again, 3)).contains("Quebec notice v2 page 1");

        // the same invoice without rules: its one page
        assertThat(PdfText.read(new LayoutInvoiceRenderer(Invoices.TEMPLATES)
                .render(englishOntarioBusiness(NOVEMBER))).pages()).isEqualTo(1);
    }

    @Test
    void aBadAttachmentIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path templates = withAttachments(dir);
        LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(templates);
        assertThat(renderer.checkTemplates()).contains("3 attachment rule(s)", "quebec-notice.pdf (2 p.)");

        // a page count other than the rule's: another file put in its place
        letterPdf(templates.resolve("attachments/quebec-notice.pdf"), "Quebec notice", 3, PDRectangle.LETTER);
        assertThatThrownBy(renderer::checkTemplates).hasMessageContaining("attachments.txt: line 3: attachment ")
                .hasMessageContaining("quebec-notice.pdf has 3 pages, the rule says 2");

        // not US Letter
        letterPdf(templates.resolve("attachments/quebec-notice.pdf"), "Quebec notice", 2, PDRectangle.A4);
        assertThatThrownBy(renderer::checkTemplates)
                .hasMessageContaining("quebec-notice.pdf: page 1 is 8.27x11.69in, not US Letter");

        // not a PDF at all
        Files.writeString(templates.resolve("attachments/quebec-notice.pdf"), "not a pdf");
        assertThatThrownBy(renderer::checkTemplates)
                .hasMessageContaining("quebec-notice.pdf is not a readable PDF");
        // and the invoice is not drawn without it
        assertThatThrownBy(() -> renderer.render(frenchQuebecResidential(NOVEMBER)))
                .hasMessageContaining("quebec-notice.pdf");

        // missing, or a name that leaves the folder
        Files.writeString(templates.resolve("attachments/attachments.txt"), "gone.pdf 1\n");
        assertThatThrownBy(renderer::checkTemplates).hasMessageContaining("line 1: attachment ")
                .hasMessageContaining("gone.pdf does not exist");
        Files.writeString(templates.resolve("attachments/attachments.txt"), "../company.properties 1\n");
        assertThatThrownBy(renderer::checkTemplates)
                .hasMessageContaining("'../company.properties' is not a PDF file name of this folder");
    }
}
