package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invoice as sent to Lob: page 1 prints nothing where Lob prints the addresses, and
 * everything else as rendered (measured on the printed page, rendered to pixels).
 */
class LobAddressAreaTest {

    private static final int DPI = 50;
    private static byte[] invoice;
    private static byte[] forLob;

    @BeforeAll
    static void render() {
        invoice = new InvoicePdfRenderer(Invoices.TEMPLATES).render(Invoices.englishOntario("F-2026-000124"));
        forLob = LobAddressArea.blanked(invoice);
    }

    @Test
    void theRenderedInvoicePrintsItsAddressesInTheAreaAndLobsVersionPrintsNothingThere() throws IOException {
        assertThat(inkInArea(page1(invoice))).as("the invoice's window layout prints there").isPositive();
        assertThat(inkInArea(page1(forLob))).as("Lob's letter prints nothing there").isZero();
    }

    @Test
    void everythingOutsideTheAreaIsPrintedAsRendered() throws IOException {
        BufferedImage before = page1(invoice);
        BufferedImage after = page1(forLob);
        int changedOutside = 0;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (!inArea(x, y) && before.getRGB(x, y) != after.getRGB(x, y)) {
                    changedOutside++;
                }
            }
        }
        assertThat(changedOutside).isZero();
        assertThat(PdfPages.sizes(forLob)).allMatch(PdfPages.Size::isUsLetter)
                .hasSize(PdfPages.sizes(invoice).size());
    }

    private static BufferedImage page1(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, DPI);
        }
    }

    private static boolean inArea(int x, int y) {
        double xi = x / (double) DPI;
        double yi = y / (double) DPI;
        return xi >= LobAddressArea.LEFT_INCHES && xi < LobAddressArea.LEFT_INCHES + LobAddressArea.WIDTH_INCHES
                && yi >= LobAddressArea.TOP_INCHES && yi < LobAddressArea.TOP_INCHES + LobAddressArea.HEIGHT_INCHES;
    }

    /** Pixels inside the area that are not white (the area shrunk by a pixel: anti-aliased edges). */
    private static long inkInArea(BufferedImage page) {
        long ink = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if (inArea(x - 1, y - 1) && inArea(x + 1, y + 1) && (page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
