package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * A final bill (close-account: {@code InvoiceDocument.serviceEnded} set) says it is one, in the
 * invoice's language, and both for a bilingual invoice; any other invoice does not. Read back
 * with PDFBox from the shipped layouts (templates/invoice/layout_*.txt, condition final-bill) and
 * html templates.
 */
class FinalBillNoticeTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 15);
    private static final String ENGLISH = "Final bill — service ended November 15, 2026";
    private static final String FRENCH = "Facture finale — service terminé le 15 novembre 2026";

    private final LayoutInvoiceRenderer layout = new LayoutInvoiceRenderer(Invoices.TEMPLATES);

    @Test
    void theLayoutsSayAFinalBillIsOneInTheInvoicesLanguages() {
        assertThat(text(layout.render(asFinal(Invoices.englishOntario("E-1"))))).contains(ENGLISH).doesNotContain(FRENCH);
        assertThat(text(layout.render(asFinal(Invoices.frenchQuebec("F-1"))))).contains(FRENCH).doesNotContain(ENGLISH);
        assertThat(text(layout.render(asFinal(Invoices.bilingualQuebec("B-1"))))).contains(ENGLISH).contains(FRENCH);
    }

    @Test
    void otherInvoicesSayNothingOfIt() {
        for (InvoiceDocument doc : new InvoiceDocument[]{Invoices.englishOntario("E-2"), Invoices.frenchQuebec("F-2"),
                Invoices.bilingualQuebec("B-2")}) {
            assertThat(text(layout.render(doc))).as(doc.invoiceNumber())
                    .doesNotContain("Final bill").doesNotContain("Facture finale");
        }
    }

    @Test
    void theHtmlTemplatesSayItToo() {
        InvoicePdfRenderer html = new InvoicePdfRenderer(Invoices.TEMPLATES);
        assertThat(text(html.render(asFinal(Invoices.englishOntario("E-3"))))).contains(ENGLISH);
        assertThat(text(html.render(asFinal(Invoices.frenchQuebec("F-3"))))).contains(FRENCH);
        assertThat(text(html.render(Invoices.frenchQuebec("F-4")))).doesNotContain("Facture finale");
    }

    /** The document as close-account's final bill, service ended on LAST_DAY. */
    private static InvoiceDocument asFinal(InvoiceDocument d) {
        return new InvoiceDocument(d.company(), d.language(), d.invoiceNumber(), d.accountNumber(), d.customerName(),
                d.mailingAddressLines(), d.invoiceDate(), d.dueDate(), d.periodStart(), d.periodEnd(), d.lines(),
                d.subtotal(), d.tax(), d.total(), d.statement(), d.currency(), d.segment(), d.cycleDate(), d.usage(), LAST_DAY);
    }

    private static String text(byte[] pdf) {
        return PdfText.read(pdf).plain().replaceAll("\\s+", " ");
    }
}
