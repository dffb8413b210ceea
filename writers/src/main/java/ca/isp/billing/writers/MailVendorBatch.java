package ca.isp.billing.writers;

import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.domain.files.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Print-to-mail handed to a mail vendor as files: one PDF per letter named after its idempotency
 * key, a {@code manifest.csv} listing them in mailing order (presorted by country and postal code,
 * as postage discounts ask), and {@code SHA256SUMS}, the SHA-256 of every file of the batch
 * ({@code sha256sum -c SHA256SUMS} checks them). Every write replaces the file whole, so a rerun
 * leaves the same files and the same rows, never duplicates, and the same manifest from the
 * same letters is the same bytes.
 */
public final class MailVendorBatch {

    public static final String MANIFEST = "manifest.csv";
    public static final String CHECKSUMS = "SHA256SUMS";
    /** Address lines the manifest has room for; a vendor's window holds no more. */
    public static final int MAX_ADDRESS_LINES = 5;
    public static final List<String> MANIFEST_HEADER = List.of("sequence", "idempotency_key", "invoice_number",
            "account_number", "recipient", "address_1", "address_2", "address_3", "address_4", "address_5",
            "postal_code", "country", "pdf_file", "pages", "sheets", "sha256");
    /** The time every entry of the batch's zip carries, so the same batch zips to the same bytes. */
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /**
     * Mailing order: by country, then postal code (upper case, spaces removed: {@code h2j 2l3} and
     * {@code H2J2L3} sort together), then idempotency key, so the order never depends on the database.
     */
    public static final Comparator<ManifestEntry> MAILING_ORDER = Comparator
            .comparing((ManifestEntry e) -> nullToEmpty(e.country()))
            .thenComparing(e -> nullToEmpty(e.postalCode()).toUpperCase(Locale.ROOT).replace(" ", ""))
            .thenComparing(ManifestEntry::idempotencyKey);

    /** One letter of the batch as listed in the manifest. */
    public record ManifestEntry(String idempotencyKey, String invoiceNumber, String accountNumber,
                                String recipientName, List<String> addressLines, String postalCode, String country,
                                String pdfFile, int pages, String sha256) {

        public ManifestEntry {
            Objects.requireNonNull(idempotencyKey, "manifest entry idempotencyKey is required");
            addressLines = List.copyOf(Objects.requireNonNull(addressLines,
                    "manifest entry " + idempotencyKey + ": addressLines are required"));
        }

        /** The entry for an invoice letter written by {@link #addLetter}: file name, pages and hash from the PDF. */
        public static ManifestEntry of(String idempotencyKey, InvoiceDocument doc, String postalCode, String country,
                                       byte[] pdf) {
            return new ManifestEntry(idempotencyKey, doc.invoiceNumber(), doc.accountNumber(), doc.customerName(),
                    doc.mailingAddressLines(), postalCode, country, idempotencyKey + ".pdf", pageCount(pdf),
                    MailVendorBatch.sha256(pdf));
        }
    }

    private final Path batchDir;
    private final boolean doubleSided;

    /** A batch printed double-sided (two pages to a sheet). */
    public MailVendorBatch(Path batchDir) {
        this(batchDir, true);
    }

    public MailVendorBatch(Path batchDir, boolean doubleSided) {
        this.batchDir = Objects.requireNonNull(batchDir, "batchDir is required");
        this.doubleSided = doubleSided;
    }

    /** Sheets of paper a letter of {@code pages} pages takes: what the vendor prints and the postage weighs. */
    public int sheets(int pages) {
        return doubleSided ? (pages + 1) / 2 : pages;
    }

    public Path batchDir() {
        return batchDir;
    }

    /** Writes {@code <idempotencyKey>.pdf}, replacing an earlier copy; returns its path. */
    public Path addLetter(String idempotencyKey, byte[] pdf) {
        AtomicFiles.requireFileStem(idempotencyKey, "idempotency key");
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("letter " + idempotencyKey + ": the PDF is empty");
        }
        return AtomicFiles.write(batchDir, idempotencyKey + ".pdf", pdf);
    }

    /** The batch's letters, handed over one at a time in mailing order (from a database cursor). */
    @FunctionalInterface
    public interface LettersInMailingOrder {
        void forEach(Consumer<ManifestEntry> letter);
    }

    /** The batch's letter files ({@link ManifestEntry#pdfFile()}), handed over one at a time in file-name order. */
    @FunctionalInterface
    public interface LetterFilesByName {
        void forEach(Consumer<String> pdfFile);
    }

    /**
     * The letters handed to {@link #writeManifest(LettersInMailingOrder, LetterFilesByName)} were not in
     * {@link #MAILING_ORDER} (a database that sorts some text otherwise than Java): nothing was
     * written; sort them in memory with {@link #writeManifest(List)} instead.
     */
    public static final class NotInMailingOrder extends IllegalStateException {
        NotInMailingOrder(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code manifest.csv} with one row per entry, numbered from 1 in mailing order, then
     * {@code SHA256SUMS}. The caller passes every letter of the batch (rebuilt from the database),
     * so both files are replaced whole. Sorts in memory: for a whole cycle, stream the letters
     * with {@link #writeManifest(LettersInMailingOrder, LetterFilesByName)}.
     */
    public Path writeManifest(List<ManifestEntry> entries) {
        List<ManifestEntry> inOrder = entries.stream().sorted(MAILING_ORDER).toList();
        Set<String> keys = new HashSet<>();
        int sequence = 0;
        for (ManifestEntry entry : inOrder) {
            sequence++;
            if (!keys.add(entry.idempotencyKey())) {
                throw new IllegalArgumentException(MANIFEST + " row " + sequence + " (" + entry.idempotencyKey()
                        + "): idempotency key listed twice");
            }
        }
        writeManifest(inOrder::forEach, each -> inOrder.stream().map(ManifestEntry::pdfFile).sorted().forEach(each));
        return batchDir.resolve(MANIFEST);
    }

    /**
     * The same, streamed: {@code letters} in {@link #MAILING_ORDER} and {@code files}, the same
     * letters' files in file-name order (String order), are each read once and written as they come,
     * so memory holds one letter whatever the size of the batch. Returns the number of letters.
     *
     * @throws NotInMailingOrder when a letter comes before the one handed over before it
     */
    public int writeManifest(LettersInMailingOrder letters, LetterFilesByName files) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(MANIFEST_HEADER.toArray(String[]::new))
                .get();
        int[] count = {0};
        AtomicFiles.write(batchDir, MANIFEST, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                ManifestEntry[] previous = {null};
                letters.forEach(entry -> {
                    int sequence = ++count[0];
                    String where = MANIFEST + " row " + sequence + " (" + entry.idempotencyKey() + "): ";
                    if (previous[0] != null) {
                        int order = MAILING_ORDER.compare(previous[0], entry);
                        if (order == 0) {
                            throw new IllegalArgumentException(where + "idempotency key listed twice");
                        }
                        if (order > 0) {
                            throw new NotInMailingOrder(where + "comes after " + previous[0].idempotencyKey()
                                    + " in mailing order, not before it");
                        }
                    }
                    previous[0] = entry;
                    try {
                        printer.printRecord(row(sequence, entry, where));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
        writeChecksums(files);
        return count[0];
    }

    private List<String> row(int sequence, ManifestEntry entry, String where) {
        if (entry.addressLines().size() > MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException(where + entry.addressLines().size()
                    + " address lines, at most " + MAX_ADDRESS_LINES + " fit");
        }
        if (!Files.isRegularFile(inBatch(entry.pdfFile(), where))) {
            throw new IllegalArgumentException(where + "pdf_file " + entry.pdfFile() + " is not in " + batchDir);
        }
        // Name and address lines are the customer's text, opened in a spreadsheet: never run as a formula.
        List<String> row = new ArrayList<>(List.of(Integer.toString(sequence), entry.idempotencyKey(),
                entry.invoiceNumber(), entry.accountNumber(), SpreadsheetCells.text(entry.recipientName())));
        for (int i = 0; i < MAX_ADDRESS_LINES; i++) {
            row.add(i < entry.addressLines().size() ? SpreadsheetCells.text(entry.addressLines().get(i)) : "");
        }
        row.add(SpreadsheetCells.text(nullToEmpty(entry.postalCode())));
        row.add(SpreadsheetCells.text(nullToEmpty(entry.country())));
        row.addAll(List.of(entry.pdfFile(), Integer.toString(entry.pages()), Integer.toString(sheets(entry.pages())),
                entry.sha256()));
        return row;
    }

    /**
     * {@code <batch folder>.zip} beside the folder, for a vendor that takes one file per cycle:
     * the files {@code SHA256SUMS} lists (letters and manifest) and {@code SHA256SUMS} itself, in
     * file-name order, each with the same fixed time, so the same batch always zips to the same
     * bytes. Call after {@link #writeManifest}.
     */
    public Path writeZip() {
        Path checksums = inBatch(CHECKSUMS, "zip: ");
        return AtomicFiles.write(batchDir.getParent(), batchDir.getFileName() + ".zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            // SHA256SUMS lists the files in name order (writeChecksums): read a line at a time
            try (BufferedReader lines = Files.newBufferedReader(checksums, StandardCharsets.UTF_8)) {
                boolean checksumsAdded = false;
                String previous = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String file = line.substring(line.indexOf("  ") + 2);
                    if (previous != null && previous.compareTo(file) >= 0) {
                        throw new IllegalArgumentException("zip: " + CHECKSUMS + " of " + batchDir + " lists " + file
                                + " after " + previous + ", not in file-name order");
                    }
                    previous = file;
                    if (!checksumsAdded && CHECKSUMS.compareTo(file) < 0) {
                        addToZip(zip, CHECKSUMS);
                        checksumsAdded = true;
                    }
                    addToZip(zip, file);
                }
                if (!checksumsAdded) {
                    addToZip(zip, CHECKSUMS);
                }
            }
            zip.finish();
        });
    }

    private void addToZip(ZipOutputStream zip, String file) throws IOException {
        ZipEntry entry = new ZipEntry(batchDir.getFileName() + "/" + file);
        entry.setTimeLocal(ZIP_ENTRY_TIME);
        zip.putNextEntry(entry);
        Files.copy(inBatch(file, "zip: "), zip);
        zip.closeEntry();
    }

    /**
     * {@code SHA256SUMS}: one line per file of the batch, {@code <sha256>  <file>} in file-name
     * order, the format {@code sha256sum -c} reads; the vendor checks every file arrived whole.
     * The letters' files come in name order; the manifest takes its place among them.
     */
    private void writeChecksums(LetterFilesByName files) {
        AtomicFiles.write(batchDir, CHECKSUMS, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            String[] previous = {null};
            boolean[] manifestListed = {false};
            files.forEach(file -> {
                if (previous[0] != null && previous[0].compareTo(file) >= 0) {
                    throw new IllegalArgumentException(CHECKSUMS + ": " + file + (previous[0].equals(file)
                            ? " listed twice" : " comes after " + previous[0] + " in file-name order, not before it"));
                }
                previous[0] = file;
                if (!manifestListed[0] && MANIFEST.compareTo(file) < 0) {
                    checksumLine(writer, MANIFEST);
                    manifestListed[0] = true;
                }
                checksumLine(writer, file);
            });
            if (!manifestListed[0]) {
                checksumLine(writer, MANIFEST);
            }
            writer.flush();
        });
    }

    private void checksumLine(Writer writer, String file) {
        try {
            writer.append(sha256(Files.readAllBytes(inBatch(file, CHECKSUMS + ": ")))).append("  ").append(file)
                    .append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(CHECKSUMS + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A file of the batch named by a manifest entry: never one outside the batch folder. */
    private Path inBatch(String pdfFile, String where) {
        try {
            return FolderGuard.resolve(batchDir, pdfFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "pdf_file " + e.getMessage(), e);
        }
    }

    /** Number of pages of a PDF (what the vendor charges for), read strictly ({@link PdfPages#read}). */
    public static int pageCount(byte[] pdf) {
        try (PDDocument document = PdfPages.read(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the bytes, so the vendor can check what it received. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
