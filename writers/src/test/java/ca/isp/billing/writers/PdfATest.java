package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Invoices are PDF/A-3b (billing.render.pdfa, on by default): checked by veraPDF, the reference
 * validator of the PDF Association, against every rule of PDF/A-3 level B, for each language, a
 * long invoice, one whose last page has the totals without the table's header, and one with the
 * rate change notice appended; and the key properties read back with PDFBox.
 */
class PdfATest {

    @BeforeAll
    static void validator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "bilingual", "long", "totals-alone", "with-notice"})
    void veraPdfFindsNoRuleBroken(String which) throws Exception {
        LayoutInvoiceRenderer renderer = which.equals("with-notice")
                ? new LayoutInvoiceRenderer(Invoices.TEMPLATES,
                        PdfAttachments.of(List.of(Invoices.TEMPLATES.resolve("attachments/rate-change-notice.pdf"))))
                : new LayoutInvoiceRenderer(Invoices.TEMPLATES);
        InvoiceDocument doc = switch (which) {
            case "en", "with-notice" -> Invoices.englishOntario("2026-000124");
            case "fr" -> Invoices.frenchQuebec("F-2026-000123");
            case "bilingual" -> Invoices.bilingualQuebec("F-2026-000125");
            // a following page with the table's header (lines 33 to 77) and one without (the totals)
            case "totals-alone" -> Invoices.manyLines(77);
            default -> Invoices.manyLines(60);
        };
        List<String> broken = brokenRules(renderer.render(doc));
        assertThat(broken).as("PDF/A-3b rules broken").isEmpty();
    }

    @Test
    void withoutTheSettingTheInvoiceIsNotPdfA() throws Exception {
        byte[] plain = new LayoutInvoiceRenderer(Invoices.TEMPLATES, PdfAttachments.none(), false)
                .render(Invoices.englishOntario("2026-000124"));
        assertThat(brokenRules(plain)).isNotEmpty();
    }

    @Test
    void theKeyPropertiesReadBackWithPdfBox() throws IOException {
        byte[] pdf = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(Invoices.bilingualQuebec("F-2026-000125"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.isEncrypted()).isFalse();
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "Invoice / Facture F-2026-000125");
            COSArray intents = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("OutputIntents"));
            assertThat(intents.size()).isEqualTo(1);
            COSDictionary intent = (COSDictionary) intents.getObject(0);
            assertThat(intent.getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
            assertThat(intent.getDictionaryObject(COSName.getPDFName("DestOutputProfile"))).isNotNull();
            assertThat(doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.NAMES)).isNull();
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
        }
        assertThat(PdfText.read(pdf).fontsNotEmbedded()).isEmpty();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript", "/JS ");
    }

    @Test
    void anotherRendererDrawsTheSameBytesButTheDates() throws Exception {
        // as run.sh rerender does in a later process: nothing made once per renderer (fonts, page
        // backgrounds, the logo) may change the file; only the document's dates differ
        byte[] first = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(Invoices.bilingualQuebec("F-2026-000125"));
        Thread.sleep(1100);
        byte[] second = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(Invoices.bilingualQuebec("F-2026-000125"));
        assertThat(first).isNotEqualTo(second);
        assertThat(withoutDates(second)).isEqualTo(withoutDates(first));
    }

    @Test
    void theDatesAreTheRenderTimeAsPdfBoxWritesThemInTheInformationAndTheXmp() throws IOException {
        // the date strings are kept for the second they stand for (PdfA.dates): they must still be that second
        for (int i = 0; i < 2; i++) {
            long before = System.currentTimeMillis() / 1000;
            byte[] pdf = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(Invoices.englishOntario("2026-000124"));
            long after = System.currentTimeMillis() / 1000;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                COSDictionary info = doc.getDocumentInformation().getCOSObject();
                String created = info.getString(COSName.CREATION_DATE);
                assertThat(info.getString(COSName.MOD_DATE)).isEqualTo(created);
                long second = doc.getDocumentInformation().getCreationDate().getTimeInMillis() / 1000;
                assertThat(second).isBetween(before, after);
                java.util.Calendar utc = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
                utc.setTimeInMillis(second * 1000);
                assertThat(created).isEqualTo(org.apache.pdfbox.util.DateConverter.toString(utc));
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                String iso = java.time.Instant.ofEpochSecond(second).toString();
                assertThat(xmp).contains("<xmp:CreateDate>" + iso + "</xmp:CreateDate>",
                        "<xmp:ModifyDate>" + iso + "</xmp:ModifyDate>");
            }
        }
        java.time.ZonedDateTime montreal = java.time.ZonedDateTime.of(2026, 11, 30, 12, 0, 59, 900_000_000,
                java.time.ZoneId.of("America/Montreal"));
        assertThat(PdfA.dates(montreal).pdf()).isEqualTo("D:20261130170059+00'00'");
        assertThat(PdfA.dates(montreal).xmp()).isEqualTo("2026-11-30T17:00:59Z");
        assertThat(PdfA.dates(montreal.plusSeconds(1)).pdf()).isEqualTo("D:20261130170100+00'00'");
    }

    /** The PDF as text with its dates (document information and XMP) blanked. */
    static String withoutDates(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1)
                .replaceAll("D:\\d{14}[^)]*", "D:")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)", "T");
    }

    /** Each rule veraPDF finds broken, with its clause and what it says. */
    static List<String> brokenRules(byte[] pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.PDFA_3_B;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct().toList();
        }
    }
}
