package ca.isp.billing.writers;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A rendered PDF read back with PDFBox: text, pages, page sizes and fonts. */
record PdfText(String text, int pages, List<PDRectangle> mediaBoxes, List<String> fonts,
               List<String> fontsNotEmbedded) {

    static PdfText read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDRectangle> boxes = new ArrayList<>();
            List<String> fonts = new ArrayList<>();
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                boxes.add(page.getMediaBox());
                collectFonts(page.getResources(), fonts, notEmbedded);
            }
            String text = new PDFTextStripper().getText(document);
            return new PdfText(text, document.getNumberOfPages(), boxes, fonts, notEmbedded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with no-break and narrow no-break spaces turned into plain spaces. */
    String plain() {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static void collectFonts(PDResources resources, List<String> fonts, List<String> notEmbedded)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            boolean embedded = font instanceof PDType0Font type0
                    ? type0.getDescendantFont().isEmbedded()
                    : font.isEmbedded();
            fonts.add(font.getName());
            if (!embedded) {
                notEmbedded.add(font.getName());
            }
        }
        // forms and SVG images carry their own resources and fonts
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                collectFonts(form.getResources(), fonts, notEmbedded);
            }
        }
    }
}
