package ca.isp.billing.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFs appended after an invoice's own pages (a notice, a rate change letter). Each file is read
 * and checked once (readable, every page US Letter) and its pages kept in memory (FrozenPages):
 * appending copies them into the invoice's document, from any thread, without reading the file
 * again.
 */
public final class PdfAttachments {

    private final List<Path> files;
    private final List<FrozenPages> contents;
    private final int pageCount;

    private PdfAttachments(List<Path> files, List<FrozenPages> contents, int pageCount) {
        this.files = List.copyOf(files);
        this.contents = List.copyOf(contents);
        this.pageCount = pageCount;
    }

    public static PdfAttachments none() {
        return new PdfAttachments(List.of(), List.of(), 0);
    }

    /** The pages of all the files together: what appending adds to an invoice. */
    public int pageCount() {
        return pageCount;
    }

    /** Reads and checks the files; a file that is not a readable US Letter PDF is refused, naming it. */
    public static PdfAttachments of(List<Path> files) {
        List<FrozenPages> contents = new ArrayList<>();
        int pageCount = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("attachment " + file + " cannot be read: " + e.getMessage(), e);
            }
            List<PdfPages.Size> sizes;
            try {
                sizes = PdfPages.sizes(bytes);
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("attachment " + file + " is " + e.getMessage(), e);
            }
            if (sizes.isEmpty()) {
                throw new IllegalArgumentException("attachment " + file + " has no page");
            }
            pageCount += sizes.size();
            for (int i = 0; i < sizes.size(); i++) {
                if (!sizes.get(i).isUsLetter()) {
                    throw new IllegalArgumentException("attachment " + file + ": page " + (i + 1) + " is "
                            + sizes.get(i) + ", not US Letter (8.50x11.00in)");
                }
            }
            try {
                contents.add(FrozenPages.of(bytes));
            } catch (IOException e) {
                throw new IllegalArgumentException("attachment " + file + " is not a readable PDF: " + e.getMessage(), e);
            }
        }
        return new PdfAttachments(files, contents, pageCount);
    }

    public boolean isEmpty() {
        return contents.isEmpty();
    }

    public List<Path> files() {
        return files;
    }

    /** Appends every attachment's pages to a document being built (no save and reload of the invoice). */
    public void appendTo(PDDocument document) throws IOException {
        for (FrozenPages attachment : contents) {
            attachment.appendTo(document);
        }
    }

    /** The invoice PDF with every attachment's pages after its own. */
    public byte[] appendedTo(byte[] pdf) {
        if (contents.isEmpty()) {
            return pdf;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            appendTo(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the attachments to the invoice: " + e.getMessage(), e);
        }
    }
}
