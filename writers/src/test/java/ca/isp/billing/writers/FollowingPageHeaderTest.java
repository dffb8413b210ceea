package ca.isp.billing.writers;

import static ca.isp.billing.writers.InvoiceRendererContractTest.pageText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * A following page of a long invoice (layout engine) shows the charges table's header only when
 * a line of the table is drawn on it: a page left with the totals, the usage summary, the notes
 * or the slip alone has no empty heading. The fixtures are {@link Invoices#manyLines} (lines of
 * 1.00, 0.2 in each): in English 32 lines fill page 1 (3.75 to 10.15 in, the bottom is 10.3),
 * 19 reach the slip's top (7.6 in) and 45 fill a following page (from 1.2 in); in the bilingual
 * layout 34 fill page 1 and 19 leave room for the totals above the slip. Each test first checks
 * that the lines fell where it says, so a change to the layout shows as that, not as a header.
 */
class FollowingPageHeaderTest {

    private final LayoutInvoiceRenderer renderer = new LayoutInvoiceRenderer(Invoices.TEMPLATES);

    @Test
    void linesRunningOntoPageTwoHaveTheHeaderOverThem() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(40));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 2)).contains("Call to 514-555-0040");   // lines 33 to 40
        assertThat(count(PdfText.read(pdf).plain(), "QUANTITY")).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("DESCRIPTION", "PERIOD", "QUANTITY", "AMOUNT");
        assertThat(pageText(pdf, 2)).contains("DESCRIPTION", "PERIOD", "QUANTITY", "AMOUNT");
    }

    @Test
    void aFullPageOfLinesThenTheTotalsAloneOnPageTwoHasNoHeaderThere() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(32));
        keep("layout-lines-fill-page-1.pdf", pdf);

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("Call to 514-555-0032").doesNotContain("Subtotal");
        String two = pageText(pdf, 2);
        assertThat(two).contains("Subtotal $32.00", "Amount due by November 21, 2026 $32.00", "Remittance slip",
                "Page 2 of 2", "Invoice 2026-000999 · account 200317").doesNotContain("Call to");
        assertThat(two).doesNotContain("DESCRIPTION", "PERIOD", "QUANTITY", "AMOUNT");
        assertThat(count(PdfText.read(pdf).plain(), "QUANTITY")).isEqualTo(1);
    }

    @Test
    void totalsPushedOverByTheSlipLeavePageTwoWithoutHeader() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(19));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("Call to 514-555-0019", "DESCRIPTION").doesNotContain("Subtotal");
        assertThat(pageText(pdf, 2)).contains("Subtotal $19.00", "Remittance slip", "Page 2 of 2")
                .doesNotContain("Call to", "DESCRIPTION", "QUANTITY");
    }

    @Test
    void theTotalsSplitOverThePagesLeavePageTwoWithoutHeader() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLines(15));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("Call to 514-555-0015", "Subtotal $15.00", "DESCRIPTION");
        assertThat(pageText(pdf, 2)).contains("Amount due by November 21, 2026 $15.00",
                "Questions about this invoice?", "Remittance slip").doesNotContain("DESCRIPTION", "QUANTITY");
    }

    @Test
    void aThreePageInvoiceKeepsTheHeaderOverItsLinesAndDropsItOverTheTotals() throws IOException {
        // 32 lines on page 1, 45 on page 2, the totals on page 3
        byte[] pdf = renderer.render(Invoices.manyLines(77));
        keep("layout-totals-on-page-3.pdf", pdf);

        assertThat(PdfText.read(pdf).pages()).isEqualTo(3);
        assertThat(pageText(pdf, 2)).contains("Call to 514-555-0077", "DESCRIPTION", "QUANTITY", "Page 2 of 3");
        assertThat(pageText(pdf, 3)).contains("Subtotal $77.00", "Page 3 of 3", "Remittance slip")
                .doesNotContain("Call to", "DESCRIPTION", "QUANTITY");
        assertThat(count(PdfText.read(pdf).plain(), "QUANTITY")).isEqualTo(2);
    }

    @Test
    void bilingualLinesRunningOntoPageTwoHaveTheHeaderInBothLanguages() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLinesBilingual(40));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 2)).contains("Call to 514-555-0040", "Appel au 514-555-0040",
                "DESCRIPTION", "PERIOD", "AMOUNT", "PÉRIODE", "MONTANT");
        assertThat(count(PdfText.read(pdf).plain(), "MONTANT")).isEqualTo(2);
    }

    @Test
    void bilingualTotalsAloneOnPageTwoHaveNoHeaderThere() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLinesBilingual(34));
        keep("layout-bilingual-lines-fill-page-1.pdf", pdf);

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("Appel au 514-555-0034", "PÉRIODE", "MONTANT")
                .doesNotContain("Subtotal");
        assertThat(pageText(pdf, 2)).contains("Subtotal", "Sous-total", "Remittance slip", "Talon de remise",
                "Page 2 of 2", "Page 2 de 2").doesNotContain("Call to", "Appel au")
                .doesNotContain("DESCRIPTION", "PERIOD", "PÉRIODE", "MONTANT");
        assertThat(count(PdfText.read(pdf).plain(), "MONTANT")).isEqualTo(1);
    }

    @Test
    void bilingualNotesAndSlipAloneOnPageTwoHaveNoHeader() throws IOException {
        byte[] pdf = renderer.render(Invoices.manyLinesBilingual(19));

        assertThat(PdfText.read(pdf).pages()).isEqualTo(2);
        assertThat(pageText(pdf, 1)).contains("Appel au 514-555-0019", "Sous-total");
        assertThat(pageText(pdf, 2)).contains("Remittance slip").doesNotContain("DESCRIPTION", "PÉRIODE", "MONTANT");
    }

    private static int count(String text, String word) {
        return text.split(word, -1).length - 1;
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        InvoiceRendererContractTest.keep(name, pdf);
    }
}
