package ca.isp.billing.writers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailVendorBatchTest {

    private static final InvoicePdfRenderer RENDERER = new InvoicePdfRenderer(Invoices.TEMPLATES);
    private static InvoiceDocument french;
    private static InvoiceDocument english;
    private static byte[] frenchPdf;
    private static byte[] englishPdf;

    @TempDir
    Path batchDir;

    @BeforeAll
    static void renderLetters() {
        french = Invoices.frenchQuebec("F-2026-000123");
        english = Invoices.englishOntario("2026-000124");
        frenchPdf = RENDERER.render(french);
        englishPdf = RENDERER.render(english);
    }

    @Test
    void writesTwoLettersAndAManifestThatReadsBack() throws IOException {
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        writeBatch(batch);

        assertThat(Files.readAllBytes(batchDir.resolve("F-2026-000123-MAIL.pdf"))).isEqualTo(frenchPdf);
        List<CSVRecord> rows = readManifest();
        assertThat(rows).hasSize(2);
        CSVRecord first = rows.get(0);
        assertThat(first.get("sequence")).isEqualTo("1");
        assertThat(first.get("idempotency_key")).isEqualTo("F-2026-000123-MAIL");
        assertThat(first.get("invoice_number")).isEqualTo("F-2026-000123");
        assertThat(first.get("account_number")).isEqualTo("100042");
        assertThat(first.get("recipient")).isEqualTo("Hélène Côté");
        assertThat(first.get("address_1")).isEqualTo("4520, rue Saint-Denis, app. 3");
        assertThat(first.get("address_2")).isEqualTo("Montréal (Québec)  H2J 2L3");
        assertThat(first.get("address_3")).isEmpty();
        assertThat(first.get("pdf_file")).isEqualTo("F-2026-000123-MAIL.pdf");
        assertThat(first.get("pages")).isEqualTo("1");
        assertThat(first.get("sheets")).isEqualTo("1");
        assertThat(first.get("sha256")).hasSize(64)
                .isEqualTo(MailVendorBatch.sha256(Files.readAllBytes(batchDir.resolve("F-2026-000123-MAIL.pdf"))));
        CSVRecord second = rows.get(1);
        assertThat(second.get("sequence")).isEqualTo("2");
        assertThat(second.get("recipient")).isEqualTo("O'Brien & Daughters Ltd.");
        assertThat(second.get("address_1")).isEqualTo("Attn: Accounts Payable");
        assertThat(second.get("address_3")).isEqualTo("Toronto ON  M5K 1A1");
    }

    @Test
    void aRerunWithTheSameKeysLeavesTwoFilesAndTwoRows() throws IOException {
        writeBatch(new MailVendorBatch(batchDir));
        writeBatch(new MailVendorBatch(batchDir));

        try (Stream<Path> files = Files.list(batchDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("2026-000124-MAIL.pdf", "F-2026-000123-MAIL.pdf", "SHA256SUMS", "manifest.csv");
        }
        assertThat(readManifest()).hasSize(2);
    }

    @Test
    void lettersAreInMailingOrderByCountryThenPostalCode() throws IOException {
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        for (String key : List.of("K1", "K2", "K3", "K4")) {
            batch.addLetter(key, englishPdf);
        }
        batch.writeManifest(List.of(
                MailVendorBatch.ManifestEntry.of("K1", english, "05401", "US", englishPdf),
                MailVendorBatch.ManifestEntry.of("K2", english, "m5k 1a1", "CA", englishPdf),
                MailVendorBatch.ManifestEntry.of("K3", english, "H2J 2L3", "CA", englishPdf),
                MailVendorBatch.ManifestEntry.of("K4", english, "H2J2L3", "CA", englishPdf)));

        assertThat(readManifest()).extracting(r -> r.get("sequence") + " " + r.get("idempotency_key"))
                .containsExactly("1 K3", "2 K4", "3 K2", "4 K1");
    }

    @Test
    void theChecksumFileListsEveryFileOfTheBatchAndAGivenBatchIsTheSameBytesAgain() throws IOException {
        writeBatch(new MailVendorBatch(batchDir));
        byte[] manifest = Files.readAllBytes(batchDir.resolve("manifest.csv"));
        byte[] sums = Files.readAllBytes(batchDir.resolve("SHA256SUMS"));

        assertThat(new String(sums, StandardCharsets.UTF_8).lines()).containsExactly(
                MailVendorBatch.sha256(englishPdf) + "  2026-000124-MAIL.pdf",
                MailVendorBatch.sha256(frenchPdf) + "  F-2026-000123-MAIL.pdf",
                MailVendorBatch.sha256(manifest) + "  manifest.csv");

        writeBatch(new MailVendorBatch(batchDir));
        assertThat(Files.readAllBytes(batchDir.resolve("manifest.csv"))).isEqualTo(manifest);
        assertThat(Files.readAllBytes(batchDir.resolve("SHA256SUMS"))).isEqualTo(sums);
    }

    @Test
    void manifestHeaderIsTheVendorContract() throws IOException {
        writeBatch(new MailVendorBatch(batchDir));

        String firstLine = Files.readAllLines(batchDir.resolve("manifest.csv"), StandardCharsets.UTF_8).get(0);
        assertThat(firstLine).isEqualTo("sequence,idempotency_key,invoice_number,account_number,recipient,"
                + "address_1,address_2,address_3,address_4,address_5,postal_code,country,pdf_file,pages,sheets,sha256");
    }

    @Test
    void sheetsAreTwoPagesToASheetDoubleSidedAndOneSingleSided() {
        MailVendorBatch doubleSided = new MailVendorBatch(batchDir);
        MailVendorBatch singleSided = new MailVendorBatch(batchDir, false);
        // double-sided: ceil(pages / 2); single-sided: one page a sheet
        assertThat(List.of(1, 2, 3, 4, 7).stream().map(doubleSided::sheets)).containsExactly(1, 1, 2, 2, 4);
        assertThat(List.of(1, 2, 3, 4, 7).stream().map(singleSided::sheets)).containsExactly(1, 2, 3, 4, 7);
    }

    @Test
    void lettersStreamedInMailingOrderGiveTheSameBytesAsLettersSortedInMemory() throws IOException {
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        for (String key : List.of("K1", "K2", "K3", "K4")) {
            batch.addLetter(key, englishPdf);
        }
        MailVendorBatch.ManifestEntry k1 = MailVendorBatch.ManifestEntry.of("K1", english, "05401", "US", englishPdf);
        MailVendorBatch.ManifestEntry k2 = MailVendorBatch.ManifestEntry.of("K2", english, "m5k 1a1", "CA", englishPdf);
        MailVendorBatch.ManifestEntry k3 = MailVendorBatch.ManifestEntry.of("K3", english, "H2J 2L3", "CA", englishPdf);
        MailVendorBatch.ManifestEntry k4 = MailVendorBatch.ManifestEntry.of("K4", english, "H2J2L3", "CA", englishPdf);
        batch.writeManifest(List.of(k1, k2, k3, k4));
        byte[] manifest = Files.readAllBytes(batchDir.resolve("manifest.csv"));
        byte[] sums = Files.readAllBytes(batchDir.resolve("SHA256SUMS"));
        Files.delete(batchDir.resolve("manifest.csv"));
        Files.delete(batchDir.resolve("SHA256SUMS"));

        // as the database hands them over: mailing order (CA H2J2L3 K3, K4; CA M5K1A1; US), files by name
        int letters = batch.writeManifest(each -> List.of(k3, k4, k2, k1).forEach(each),
                each -> List.of("K1.pdf", "K2.pdf", "K3.pdf", "K4.pdf").forEach(each));

        assertThat(letters).isEqualTo(4);
        assertThat(Files.readAllBytes(batchDir.resolve("manifest.csv"))).isEqualTo(manifest);
        assertThat(Files.readAllBytes(batchDir.resolve("SHA256SUMS"))).isEqualTo(sums);
        assertThat(new String(sums, StandardCharsets.UTF_8).lines().map(l -> l.substring(66)))
                .containsExactly("K1.pdf", "K2.pdf", "K3.pdf", "K4.pdf", "manifest.csv");
    }

    @Test
    void lettersStreamedOutOfMailingOrderWriteNothing() throws IOException {
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        for (String key : List.of("K1", "K2")) {
            batch.addLetter(key, englishPdf);
        }
        MailVendorBatch.ManifestEntry us = MailVendorBatch.ManifestEntry.of("K1", english, "05401", "US", englishPdf);
        MailVendorBatch.ManifestEntry ca = MailVendorBatch.ManifestEntry.of("K2", english, "M5K 1A1", "CA", englishPdf);

        assertThatThrownBy(() -> batch.writeManifest(each -> List.of(us, ca).forEach(each),
                each -> List.of("K1.pdf", "K2.pdf").forEach(each)))
                .isInstanceOf(MailVendorBatch.NotInMailingOrder.class)
                .hasMessage("manifest.csv row 2 (K2): comes after K1 in mailing order, not before it");
        assertThatThrownBy(() -> batch.writeManifest(each -> List.of(ca, ca).forEach(each),
                each -> List.of("K2.pdf").forEach(each)))
                .hasMessage("manifest.csv row 2 (K2): idempotency key listed twice");
        try (Stream<Path> files = Files.list(batchDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("K1.pdf", "K2.pdf");
        }
    }

    @Test
    void theZipHoldsEveryFileOfTheBatchAndTheSameBatchZipsToTheSameBytes() throws IOException {
        Path cycleDir = batchDir.resolve("2026-11-01");
        MailVendorBatch batch = new MailVendorBatch(cycleDir);
        writeBatch(batch);
        Path zip = batch.writeZip();

        assertThat(zip).isEqualTo(batchDir.resolve("2026-11-01.zip"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("2026-11-01/2026-000124-MAIL.pdf",
                "2026-11-01/F-2026-000123-MAIL.pdf", "2026-11-01/SHA256SUMS", "2026-11-01/manifest.csv");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readAllBytes(batchDir.resolve(e.getKey())));
        }
        byte[] first = Files.readAllBytes(zip);
        writeBatch(new MailVendorBatch(cycleDir));
        assertThat(Files.readAllBytes(new MailVendorBatch(cycleDir).writeZip())).isEqualTo(first);
    }

    @Test
    void pageCountAndSha256() {
        assertThat(MailVendorBatch.pageCount(frenchPdf)).isEqualTo(1);
        assertThat(MailVendorBatch.pageCount(RENDERER.render(Invoices.manyLines(40)))).isEqualTo(2);
        // the layout engine's PDF/A, read strictly, counts what PDFBox's lenient reading counts
        byte[] layout = new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(Invoices.manyLines(120));
        int pages = MailVendorBatch.pageCount(layout);
        assertThat(pages).isGreaterThan(2);
        try (org.apache.pdfbox.pdmodel.PDDocument lenient = org.apache.pdfbox.Loader.loadPDF(layout)) {
            assertThat(pages).isEqualTo(lenient.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a PDF whose cross-reference offset is wrong, refused by the strict reading, is repaired as before
        String text = new String(layout, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        String broken = text.substring(0, startxref) + "startxref\n17\n%%EOF\n";
        assertThat(MailVendorBatch.pageCount(broken.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(pages);
        // the SHA-256 test vector of "abc" (FIPS 180-2)
        assertThat(MailVendorBatch.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        assertThatThrownBy(() -> batch.addLetter("../escape", frenchPdf))
                .hasMessageContaining("idempotency key \"../escape\" is not usable as a file name");
        assertThatThrownBy(() -> batch.addLetter("K1", new byte[0]))
                .hasMessage("letter K1: the PDF is empty");

        batch.addLetter("K1", frenchPdf);
        MailVendorBatch.ManifestEntry entry = MailVendorBatch.ManifestEntry.of("K1", french, "H2J 2L3", "CA", frenchPdf);
        assertThatThrownBy(() -> batch.writeManifest(List.of(entry, entry)))
                .hasMessage("manifest.csv row 2 (K1): idempotency key listed twice");
        MailVendorBatch.ManifestEntry missing = MailVendorBatch.ManifestEntry.of("K2", english, "M5K 1A1", "CA",
                englishPdf);
        assertThatThrownBy(() -> batch.writeManifest(List.of(entry, missing)))
                .hasMessageStartingWith("manifest.csv row 2 (K2): pdf_file K2.pdf is not in ");
        MailVendorBatch.ManifestEntry sixLines = new MailVendorBatch.ManifestEntry("K1", "1", "2", "Name",
                List.of("a", "b", "c", "d", "e", "f"), "A1A 1A1", "CA", "K1.pdf", 1, "x");
        assertThatThrownBy(() -> batch.writeManifest(List.of(sixLines)))
                .hasMessage("manifest.csv row 1 (K1): 6 address lines, at most 5 fit");
        assertThat(batchDir.resolve("manifest.csv")).doesNotExist();
    }

    @Test
    void aManifestEntryPointingOutsideTheBatchFolderIsRefused() throws IOException {
        // given: a PDF that exists, but beside the batch folder, not in it
        Path batch = batchDir.resolve("2026-11-01");
        Files.createDirectories(batch);
        Files.write(batchDir.resolve("outside.pdf"), frenchPdf);
        MailVendorBatch.ManifestEntry outside = new MailVendorBatch.ManifestEntry("K1", "F-2026-000123", "100042",
                "Hélène Côté", List.of("4520, rue Saint-Denis"), "H2J 2L3", "CA", "../outside.pdf", 1, "x");

        // when / then
        assertThatThrownBy(() -> new MailVendorBatch(batch).writeManifest(List.of(outside)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"../outside.pdf\"")
                .hasMessageContaining(batch.toAbsolutePath().normalize().toString());
        assertThat(batch.resolve("manifest.csv")).doesNotExist();
    }

    @Test
    void customerTextThatASpreadsheetWouldRunIsQuotedAndTheOtherColumnsStayExact() throws IOException {
        // given: a customer whose name and address lines start like formulas
        MailVendorBatch batch = new MailVendorBatch(batchDir);
        batch.addLetter("F-2026-000123-MAIL", frenchPdf);
        MailVendorBatch.ManifestEntry hostile = new MailVendorBatch.ManifestEntry("F-2026-000123-MAIL", "F-2026-000123",
                "100042", "=HYPERLINK(\"http://evil.example\",\"pay\")",
                List.of("+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "+15145550199"), "=1+1", "CA",
                "F-2026-000123-MAIL.pdf", 1, "ab12");

        // when
        batch.writeManifest(List.of(hostile));

        // then: the free-text cells start with a single quote; a phone number and the other columns are as given
        CSVRecord row = readManifest().get(0);
        assertThat(row.get("recipient")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"pay\")");
        assertThat(row.get("address_1")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(row.get("address_2")).isEqualTo("'-2+3");
        assertThat(row.get("address_3")).isEqualTo("'@SUM(A1:A2)");
        assertThat(row.get("address_4")).isEqualTo("'\t=1+1");
        assertThat(row.get("address_5")).isEqualTo("+15145550199");
        assertThat(row.get("postal_code")).isEqualTo("'=1+1");
        assertThat(row.get("sequence")).isEqualTo("1");
        assertThat(row.get("invoice_number")).isEqualTo("F-2026-000123");
        assertThat(row.get("account_number")).isEqualTo("100042");
        assertThat(row.get("pdf_file")).isEqualTo("F-2026-000123-MAIL.pdf");
        assertThat(row.get("pages")).isEqualTo("1");
        assertThat(row.get("sha256")).isEqualTo("ab12");
    }

    private void writeBatch(MailVendorBatch batch) {
        batch.addLetter("F-2026-000123-MAIL", frenchPdf);
        batch.addLetter("2026-000124-MAIL", englishPdf);
        batch.writeManifest(List.of(
                MailVendorBatch.ManifestEntry.of("2026-000124-MAIL", english, "M5K 1A1", "CA", englishPdf),
                MailVendorBatch.ManifestEntry.of("F-2026-000123-MAIL", french, "H2J 2L3", "CA", frenchPdf)));
    }

    private List<CSVRecord> readManifest() throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(batchDir.resolve("manifest.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        }
    }
}
