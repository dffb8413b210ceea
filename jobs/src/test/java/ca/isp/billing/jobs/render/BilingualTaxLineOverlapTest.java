package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Found by the independent recomputation of the demo's invoices (branch recompute): on a bilingual
 * invoice of a New York service address, the French tax row "Taxe de vente de l'État de New York 4 %
 * (no NY-CA 12-3456789)" is drawn from x = 4.63 in with no width limit, so it runs under its own
 * amount ("0,00 $ US", which ends at 7.9 in) and past it: the customer reads "(no NY-CA0,00 12-3456789) $ US".
 * The demo's own tax names (DemoCatalog) give that row on every bilingual NY invoice.
 */
class BilingualTaxLineOverlapTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void noTextOfABilingualInvoiceIsDrawnOverOtherText() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/bilingual-us/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/bilingual-us/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/bilingual-us/subscriptions.csv");

        assertThat(launcher.bill(OCT).result()).isEqualTo(Result.COMPLETED);
        // 510001, Albany NY, Phone 15.00 (VOIP, taxed in the US): NY 4 % of 15.00 = 0.60; total 15.60
        assertThat(invoiceValue(jdbc, "total", "510001", OCT)).isEqualByComparingTo("15.60");

        byte[] pdf = pdf("510001");
        List<String> overlaps = overlaps(pdf);
        assertThat(overlaps).as("glyphs drawn over other glyphs on the same baseline").isEmpty();
        // the row is set smaller to fit, not cut: the registration number stays whole in both languages
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Taxe de vente de l'État de New York").contains("(no NY-CA 12-3456789)")
                .doesNotContain("...");
    }

    /** Pairs of glyphs on one baseline whose boxes overlap by more than half a point, with their text. */
    private static List<String> overlaps(byte[] pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (!text.getUnicode().isBlank()) {
                        glyphs.add(text);
                    }
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(document);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            TextPosition a = glyphs.get(i);
            for (int j = i + 1; j < glyphs.size(); j++) {
                TextPosition b = glyphs.get(j);
                if (Math.abs(a.getYDirAdj() - b.getYDirAdj()) > 0.5) {
                    continue;
                }
                float overlap = Math.min(a.getXDirAdj() + a.getWidthDirAdj(), b.getXDirAdj() + b.getWidthDirAdj())
                        - Math.max(a.getXDirAdj(), b.getXDirAdj());
                if (overlap > 0.5f) {
                    found.add("'" + a.getUnicode() + "' at x=" + a.getXDirAdj() + " and '" + b.getUnicode() + "' at x="
                            + b.getXDirAdj() + ", y=" + a.getYDirAdj());
                }
            }
        }
        return found;
    }

    private byte[] pdf(String account) throws IOException {
        String path = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ?""", String.class, account);
        return Files.readAllBytes(Path.of(path));
    }
}
