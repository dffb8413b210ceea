package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.UsageSummary;

/**
 * A bilingual invoice (templates/invoice/layout_bilingual.txt): English on the left half of the
 * page, French on the right half, every amount in each language's own format, read back with
 * PDFBox as words with their positions, and as a picture.
 */
class BilingualInvoiceTest {

    /** The middle of a US Letter page, in points: English left of it, French right of it. */
    private static final float MIDDLE = 306;
    /** Where the charges table begins (3.3 in from the top), in points. */
    private static final float BELOW_HEADER = 3.2f * 72;

    private final LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(Invoices.TEMPLATES);

    /** A line of text on the page as PDFBox reads it: where it starts and ends, and its words. */
    record Placed(String text, float left, float right, float top) {
    }

    @Test
    void englishIsOnTheLeftAndFrenchOnTheRightWithEachLanguagesFormats() throws IOException {
        // Invoices.bilingualQuebec: subtotal 1068.95, TPS 53.45, TVQ 106.63, total 1229.03;
        // previous balance 300.00 - cheque 250.00 + 1229.03 = amount due 1279.03.
        List<Placed> placed = placed(renderer.render(Invoices.bilingualQuebec("F-2026-000123")));

        // the table, the totals and the slip: English left of the middle, French right of it
        for (String english : List.of("Business Fibre 1 Gbit/s", "Data over the allowance", "Modem installation fee",
                "Subtotal", "GST (5%)", "QST (9.975%)", "Total of this invoice", "Previous balance",
                "Payment received Oct. 21, 2026", "New charges", "Amount due by November 21, 2026",
                "Thank you for your business!", "Remittance slip", "Make payment to:")) {
            assertThat(find(placed, english)).as(english).allSatisfy(p -> assertThat(p.right()).isLessThan(MIDDLE));
        }
        for (String french : List.of("Fibre Affaires 1 Gbit/s", "Données excédentaires", "Frais d'installation du modem",
                "Sous-total", "TPS (5 %)", "TVQ (9,975 %)", "Total de cette facture", "Solde précédent",
                "Paiement reçu le 21 oct. 2026", "Nouveaux frais", "Montant dû au 21 novembre 2026",
                "Merci de votre confiance!", "Talon de remise", "Faire parvenir le paiement à :")) {
            assertThat(find(placed, french)).as(french).allSatisfy(p -> assertThat(p.left()).isGreaterThan(MIDDLE));
        }
        // each amount twice, in its language's format and column: $1,068.95 left, 1 068,95 $ right (below
        // the header, whose summary box must stay right of the envelope windows)
        for (String[] amount : new String[][]{{"$899.00", "899,00 $"}, {"$85.00", "85,00 $"}, {"$99.95", "99,95 $"},
                {"-$15.00", "-15,00 $"}, {"$1,068.95", "1 068,95 $"}, {"$53.45", "53,45 $"}, {"$106.63", "106,63 $"},
                {"$1,229.03", "1 229,03 $"}, {"$300.00", "300,00 $"}, {"-$250.00", "-250,00 $"},
                {"$1,279.03", "1 279,03 $"}}) {
            List<Placed> english = find(placed, amount[0]).stream().filter(p -> p.top() > BELOW_HEADER).toList();
            List<Placed> french = find(placed, amount[1]).stream().filter(p -> p.top() > BELOW_HEADER).toList();
            assertThat(english).as(amount[0]).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.right()).as(amount[0]).isLessThan(MIDDLE + 1));
            assertThat(french).as(amount[1]).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.right()).as(amount[1]).isGreaterThan(MIDDLE));
        }
        // the amount due: in the summary box, on the totals' last row and on the slip, in both formats
        assertThat(find(placed, "$1,279.03")).hasSize(3);
        assertThat(find(placed, "1 279,03 $")).hasSize(3);
        // dates as each language writes them
        assertThat(find(placed, "November 1, 2026")).isNotEmpty();
        assertThat(find(placed, "1er novembre 2026")).isNotEmpty();
        // the slip is both: its English title left, its French title right, on the same line
        Placed slip = find(placed, "Remittance slip").get(0);
        Placed talon = find(placed, "Talon de remise").get(0);
        assertThat(talon.top()).isEqualTo(slip.top());
        assertThat(find(placed, "Amount enclosed").get(0).top()).isEqualTo(find(placed, "Montant versé").get(0).top());
    }

    @Test
    void theUsageSummaryIsInEachLanguagesColumnAndFormat() throws IOException {
        // 1,234,567,890,123 bytes / 10^9 = 1234.567890123 GB, shown to 3 decimals: 1234.568;
        // 12 evening calls of 1,234 billable minutes
        InvoiceDocument doc = Invoices.withUsage(Invoices.bilingualQuebec("F-2026-000124"), new UsageSummary(
                List.of(new UsageSummary.Data("FIBRE-1G", "Business Fibre", "Fibre Affaires",
                        new BigInteger("1234567890123"), new BigDecimal("2000"))),
                List.of(new UsageSummary.Calls("Evening", "Soir", 12, BigInteger.valueOf(1234)))));
        List<Placed> placed = placed(renderer.render(doc));
        for (String english : List.of("Your usage", "Data · Business Fibre: 1,234.568 GB used of 2,000 GB",
                "Calls (Evening): 12, 1,234 min billed")) {
            assertThat(find(placed, english)).as(english).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.right()).isLessThan(MIDDLE));
        }
        for (String french : List.of("Votre consommation", "Données · Fibre Affaires : 1 234,568 Go",
                "Appels (Soir) : 12, 1 234 min facturées")) {
            assertThat(find(placed, french)).as(french).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.left()).isGreaterThan(MIDDLE));
        }
        // no usage, no summary
        assertThat(find(placed(renderer.render(Invoices.bilingualQuebec("F-2026-000123"))), "Your usage")).isEmpty();
    }

    @Test
    void theDocumentSaysItIsBothLanguagesAndEmbedsItsFonts() {
        byte[] pdf = renderer.render(Invoices.bilingualQuebec("F-2026-000123"));
        PdfText read = PdfText.read(pdf);
        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.fontsNotEmbedded()).isEmpty();
        assertThat(read.plain()).contains("Invoice", "Facture", "Hélène Côté", "Numéro de compte", "Date d'échéance");
    }

    @Test
    void aLongBilingualInvoiceNumbersItsPagesInBothLanguages() {
        InvoiceDocument doc = Invoices.manyLinesBilingual(60);
        PdfText read = PdfText.read(renderer.render(doc));
        assertThat(read.pages()).isGreaterThan(1);
        assertThat(read.plain()).contains("Page 1 of " + read.pages(), "Page 1 de " + read.pages(),
                "Page " + read.pages() + " of " + read.pages(), "Appel au 514-555-0060", "Call to 514-555-0060");
        // 60 lines of 1.00: 60.00 in both formats; one slip
        assertThat(read.plain()).contains("$60.00", "60,00 $");
        assertThat(read.plain().split("Remittance slip", -1)).hasSize(2);
    }

    @Test
    void thePictureIsInkOnBothHalvesOfTheTable() throws IOException {
        BufferedImage picture;
        try (PDDocument pdf = Loader.loadPDF(renderer.render(Invoices.bilingualQuebec("F-2026-000123")))) {
            picture = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
        }
        // the table and totals, 3.3 to 7 in from the top: dark pixels on either side of the gutter
        // (4.15 to 4.4 in from the left), and none in the gutter itself
        assertThat(dark(picture, 0.5, 4.1, 3.4, 7.0)).isGreaterThan(500);
        assertThat(dark(picture, 4.45, 8.0, 3.4, 7.0)).isGreaterThan(500);
        assertThat(dark(picture, 4.16, 4.38, 3.55, 7.0)).isLessThan(40);
    }

    private static int dark(BufferedImage image, double x0, double x1, double y0, double y1) {
        int count = 0;
        for (int y = (int) (y0 * 72); y < (int) (y1 * 72); y++) {
            for (int x = (int) (x0 * 72); x < (int) (x1 * 72); x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (lum < 128) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<Placed> find(List<Placed> placed, String text) {
        List<Placed> found = new ArrayList<>();
        for (Placed p : placed) {
            if (p.text().contains(text)) {
                found.add(p);
            }
        }
        return found;
    }

    /** Each run of text PDFBox reads, with its left and right edges (points from the left) and baseline. */
    private static List<Placed> placed(byte[] pdf) throws IOException {
        List<Placed> placed = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    // split where the gap between two glyphs is wider than a space: two columns' texts
                    int start = 0;
                    for (int i = 1; i <= positions.size(); i++) {
                        if (i == positions.size() || positions.get(i).getXDirAdj()
                                - (positions.get(i - 1).getXDirAdj() + positions.get(i - 1).getWidthDirAdj()) > 12) {
                            List<TextPosition> run = positions.subList(start, i);
                            StringBuilder s = new StringBuilder();
                            run.forEach(p -> s.append(p.getUnicode()));
                            TextPosition last = run.get(run.size() - 1);
                            placed.add(new Placed(s.toString().replace('\u00A0', ' ').replace('\u202F', ' '),
                                    run.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                                    run.get(0).getYDirAdj()));
                            start = i;
                        }
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(document);
        }
        return placed;
    }
}
