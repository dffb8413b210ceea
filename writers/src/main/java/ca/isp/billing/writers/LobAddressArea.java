package ca.isp.billing.writers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

/**
 * The area of a letter's first page where Lob prints the addresses itself (address placement
 * {@code top_first_page}), which its letter specification asks to leave blank.
 *
 * <p>The rectangle is the part of the page that shows through the two windows of Lob's #10
 * double-window envelope (its published window sizes and positions), wherever the tri-folded
 * letter sits in the envelope, with an eighth of an inch to spare: 0.5 to 4.75 in from the left,
 * 0.4 to 3.2 in from the top. The invoice template already keeps its addresses there (its own
 * window layout), with the logo and the company name above them, so only those are covered; the
 * summary box starts right of 4.8 in.
 *
 * <p>The simplest honest way, with no second template: the invoice PDF is kept as rendered and
 * a white rectangle is painted over that area of page 1. What is under it stays in the file
 * (a text extractor still finds it) but does not print. The mail-vendor letters keep the window
 * layout untouched.
 */
public final class LobAddressArea {

    public static final double LEFT_INCHES = 0.5;
    public static final double TOP_INCHES = 0.4;
    public static final double WIDTH_INCHES = 4.25;
    public static final double HEIGHT_INCHES = 2.8;

    private LobAddressArea() {
    }

    /** The same PDF with the address area of its first page painted white. */
    public static byte[] blanked(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            float pageHeight = first.getMediaBox().getHeight();
            float x = first.getMediaBox().getLowerLeftX() + points(LEFT_INCHES);
            float y = first.getMediaBox().getLowerLeftY() + pageHeight - points(TOP_INCHES + HEIGHT_INCHES);
            // Appended after the page's own content, with the graphics state reset, so it covers it.
            try (PDPageContentStream cover = new PDPageContentStream(document, first, AppendMode.APPEND, true, true)) {
                cover.setNonStrokingColor(Color.WHITE);
                cover.addRect(x, y, points(WIDTH_INCHES), points(HEIGHT_INCHES));
                cover.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot blank the address area of the letter: " + e.getMessage(), e);
        }
    }

    private static float points(double inches) {
        return (float) (inches * 72);
    }
}
