package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * A billing cycle with attachment rules and messages in its templates (issue 12): every invoice
 * gets the notice for all, Quebec's get a two-page notice too and Quebec's message; the letters'
 * pages and sheets in the mail vendor's manifest count the appended pages; and a bad attachment
 * fails the render step before any invoice is drawn, naming the file, until it is fixed.
 */
class SegmentAttachmentsCycleTest {

    private static final String QC_MESSAGE_EN = "Quebec customers: new speeds in January.";
    private static final String QC_MESSAGE_FR = "Clientèle du Québec : nouvelles vitesses en janvier.";
    private static final String CYCLE_MESSAGE_EN = "Our offices are closed on November 11.";
    private static final String CYCLE_MESSAGE_FR = "Nos bureaux sont fermés le 11 novembre.";

    private static Path templates(Path dir, int quebecPagesDeclared) throws IOException {
        Path templates = dir.resolve("templates");
        try (Stream<Path> files = Files.walk(CycleTestSupport.templates())) {
            for (Path f : files.toList()) {
                Path to = templates.resolve(CycleTestSupport.templates().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        notice(templates.resolve("attachments/quebec-notice.pdf"), 2);
        Files.writeString(templates.resolve("attachments/attachments.txt"), """
                rate-change-notice.pdf  1
                quebec-notice.pdf       %d   province=QC
                """.formatted(quebecPagesDeclared));
        Files.writeString(templates.resolve("messages/cycle-messages.txt"), """
                cycle %s
                en "%s"
                fr "%s"
                """.formatted(CYCLE, CYCLE_MESSAGE_EN, CYCLE_MESSAGE_FR));
        Files.writeString(templates.resolve("messages/segment-messages.txt"), """
                message province=QC
                en "%s"
                fr "%s"
                """.formatted(QC_MESSAGE_EN, QC_MESSAGE_FR));
        return templates;
    }

    private static void notice(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    c.newLineAtOffset(72, 700);
                    c.showText("Quebec notice page " + i);
                    c.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    private static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            List<String> pages = new java.util.ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc).replace('\u00A0', ' ').replace('\n', ' '));
            }
            return pages;
        }
    }

    @Test
    void eachSegmentGetsItsAttachmentsAndMessagesAndTheManifestCountsTheirPages() throws Exception {
        Path dir = Files.createTempDirectory("segment-attachments-");
        try (BillingRun run = BillingRun.onH2(Map.of("billing.templates", templates(dir, 2).toString()))) {
            run.generateAndImport(40, 5);
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            // the inputs: each account's province of service and language, as imported
            Map<String, String> provinceOf = new HashMap<>();
            Map<String, String> languageOf = new HashMap<>();
            Map<String, Path> pdfOf = new HashMap<>();
            run.jdbc().query("""
                    SELECT i.invoice_number, a.service_region, a.language, i.pdf_path
                    FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.pdf_path IS NOT NULL""", rs -> {
                provinceOf.put(rs.getString(1), rs.getString(2));
                languageOf.put(rs.getString(1), rs.getString(3));
                pdfOf.put(rs.getString(1), Path.of(rs.getString(4)));
            });
            assertThat(provinceOf.values()).contains("QC").anyMatch(p -> !p.equals("QC"));

            Map<String, Integer> expectedPages = new HashMap<>();
            for (Map.Entry<String, Path> e : pdfOf.entrySet()) {
                boolean quebec = provinceOf.get(e.getKey()).equals("QC");
                boolean french = languageOf.get(e.getKey()).equals("fr");
                List<String> pages = pages(e.getValue());
                String all = String.join(" ", pages);
                // the invoice's own pages end with the slip; then the notice for all; then Quebec's two
                int own = 0;
                while (!pages.get(own).contains("Avis de changement de tarifs")) {
                    own++;
                }
                assertThat(all).as(e.getKey()).contains(french ? "Talon de remise" : "Remittance slip");
                if (quebec) {
                    assertThat(pages).as(e.getKey()).hasSize(own + 3);
                    assertThat(pages.get(own + 1)).contains("Quebec notice page 1");
                    assertThat(pages.get(own + 2)).contains("Quebec notice page 2");
                    assertThat(all).contains(french ? QC_MESSAGE_FR : QC_MESSAGE_EN);
                } else {
                    assertThat(pages).as(e.getKey()).hasSize(own + 1);
                    assertThat(all).doesNotContain("Quebec notice", QC_MESSAGE_EN, QC_MESSAGE_FR);
                }
                assertThat(all).contains(french ? CYCLE_MESSAGE_FR : CYCLE_MESSAGE_EN);
                expectedPages.put(e.getKey(), own + 1 + (quebec ? 2 : 0));
            }

            // the mail vendor's manifest: each letter's pages with the attachments, sheets two pages a sheet
            Path batch = run.properties().out().resolve("mail-vendor").resolve(CYCLE.toString());
            try (CSVParser rows = CSVParser.parse(batch.resolve(MailVendorBatch.MANIFEST), StandardCharsets.UTF_8,
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                List<CSVRecord> records = rows.getRecords();
                assertThat(records).isNotEmpty();
                boolean quebecLetter = false;
                for (CSVRecord r : records) {
                    int pages = expectedPages.get(r.get("invoice_number"));
                    quebecLetter |= provinceOf.get(r.get("invoice_number")).equals("QC");
                    assertThat(r.get("pages")).as(r.get("invoice_number")).isEqualTo(Integer.toString(pages));
                    // e.g. a one-page Quebec invoice: 1 + 1 + 2 = 4 pages, 2 sheets; elsewhere 1 + 1 = 2 pages, 1 sheet
                    assertThat(r.get("sheets")).isEqualTo(Integer.toString((pages + 1) / 2));
                }
                assertThat(quebecLetter).isTrue();
            }
        }
    }

    @Test
    void aBadAttachmentFailsTheRenderStepBeforeAnyInvoiceIsDrawn() throws Exception {
        Path dir = Files.createTempDirectory("segment-attachments-bad-");
        // the rule says 1 page, the file has 2: another file was put in its place
        Path templates = templates(dir, 1);
        try (BillingRun run = BillingRun.onH2(Map.of("billing.templates", templates.toString()))) {
            run.generateAndImport(20, 7);
            assertThat(run.bill()).isEqualTo(Result.FAILED);

            assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isPositive();
            assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE rendered_at IS NOT NULL",
                    Integer.class)).isZero();
            // the deliveries written with the invoices wait: nothing was sent
            assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'PENDING'",
                    Integer.class)).isZero();
            String failure = run.jdbc().queryForObject("""
                    SELECT exit_message FROM batch_step_execution WHERE step_name = 'render'
                    ORDER BY step_execution_id DESC LIMIT 1""", String.class);
            assertThat(failure).contains("attachments.txt: line 2: attachment ", "quebec-notice.pdf has 2 pages, the rule says 1");
            // no partition of the render step ran
            assertThat(run.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'renderPartition%'", Integer.class))
                    .isZero();

            // fixed, the cycle run again resumes and renders
            Files.writeString(templates.resolve("attachments/attachments.txt"),
                    "rate-change-notice.pdf 1\nquebec-notice.pdf 2 province=QC\n");
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE rendered_at IS NULL AND status = 'ISSUED'"
                    + " AND review_status IN ('CLEARED', 'RELEASED')", Integer.class)).isZero();
        }
    }
}
