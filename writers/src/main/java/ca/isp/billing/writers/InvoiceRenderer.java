package ca.isp.billing.writers;

/**
 * Turns an invoice into PDF bytes. Two engines (setting {@code billing.render.engine}):
 * {@code html} (InvoicePdfRenderer: Freemarker, HTML, iText pdfHTML) and {@code layout}
 * (LayoutInvoiceRenderer: a layout file per language drawn with PDFBox). Safe to call from
 * several threads.
 */
public interface InvoiceRenderer {

    byte[] render(InvoiceDocument doc);

    /**
     * Reads and checks what the renderer takes from the templates besides the invoice's own
     * layout (attachments, messages) and says what it found; throws, naming the file, when one is
     * bad. Called once per run before any invoice is rendered.
     */
    default String checkTemplates() {
        return "nothing to check";
    }
}
