package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Picture tests of the layout engine: the first page of an English, a French, a bilingual and a long invoice
 * rendered to PNG by PDFBox (kept in target/pictures/ for a person to look at) and compared with
 * the committed reference in src/test/resources/pictures/. A layout break (a box moved, a label
 * lost, text over the slip) changes many pixels and fails; anti-aliasing differences do not.
 * After an intended change of the layout files: {@code -Dpictures.update=true} writes new
 * references, to be looked at and committed.
 */
class InvoicePictureTest {

    private static final float DPI = 50;
    /** A pixel counts as changed when a channel differs by more than this (of 255). */
    private static final int PIXEL_TOLERANCE = 48;
    /** The share of changed pixels allowed: about a short word's worth of the page. */
    private static final double CHANGED_SHARE = 0.002;

    private final LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(Invoices.TEMPLATES);

    @ParameterizedTest
    @ValueSource(strings = {"invoice-en", "invoice-fr", "invoice-bilingual", "invoice-long"})
    void theFirstPageLooksLikeItsReference(String name) throws IOException {
        InvoiceDocument doc = switch (name) {
            case "invoice-en" -> Invoices.englishOntario("2026-000124");
            case "invoice-fr" -> Invoices.frenchQuebec("F-2026-000123");
            case "invoice-bilingual" -> Invoices.bilingualQuebec("F-2026-000123");
            default -> Invoices.manyLines(40);
        };
        BufferedImage picture;
        try (PDDocument pdf = Loader.loadPDF(renderer.render(doc))) {
            picture = new PDFRenderer(pdf).renderImageWithDPI(0, DPI);
        }
        Path kept = Path.of("target", "pictures", name + ".png");
        Files.createDirectories(kept.getParent());
        ImageIO.write(picture, "png", kept.toFile());

        Path reference = Path.of("src", "test", "resources", "pictures", name + ".png");
        if (Boolean.getBoolean("pictures.update")) {
            Files.copy(kept, reference, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(reference).as("reference picture (write it with -Dpictures.update=true)").exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        assertThat(picture.getWidth()).isEqualTo(expected.getWidth());
        assertThat(picture.getHeight()).isEqualTo(expected.getHeight());
        long changed = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                if (differs(picture.getRGB(x, y), expected.getRGB(x, y))) {
                    changed++;
                }
            }
        }
        double share = (double) changed / (picture.getWidth() * picture.getHeight());
        assertThat(share).as("share of pixels that differ from " + reference + " (see " + kept + ")")
                .isLessThanOrEqualTo(CHANGED_SHARE);
    }

    private static boolean differs(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > PIXEL_TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}
