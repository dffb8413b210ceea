package ca.isp.billing.writers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The pages of a PDF as a printer sees them: how many, and each one's size in inches. */
public final class PdfPages {

    /** One page's size in inches, as printed (a page turned by /Rotate is measured turned). */
    public record Size(double widthInches, double heightInches) {

        /** US Letter upright, to a hundredth of an inch (PDF sizes are in points, 1/72 in, and rounded). */
        public boolean isUsLetter() {
            return Math.abs(widthInches - 8.5) < 0.01 && Math.abs(heightInches - 11) < 0.01;
        }

        @Override
        public String toString() {
            return String.format("%.2fx%.2fin", widthInches, heightInches);
        }
    }

    private PdfPages() {
    }

    /**
     * The PDF read strictly first: PDFBox's lenient reading (Loader.loadPDF) checks the offset of
     * every object of the cross-reference table before anything is read, most of the cost of
     * counting pages; our PDFs need no repair. A PDF the strict reading refuses is read leniently.
     */
    static PDDocument read(byte[] pdf) throws IOException {
        try {
            return new PDFParser(new RandomAccessReadBuffer(pdf)).parse(false);
        } catch (IOException strictlyRefused) {
            return Loader.loadPDF(pdf);
        }
    }

    public static List<Size> sizes(byte[] pdf) {
        try (PDDocument document = read(pdf)) {
            List<Size> sizes = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                boolean turned = page.getRotation() % 180 != 0;
                double width = (turned ? box.getHeight() : box.getWidth()) / 72.0;
                double height = (turned ? box.getWidth() : box.getHeight()) / 72.0;
                sizes.add(new Size(width, height));
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF: " + e.getMessage(), e);
        }
    }
}
