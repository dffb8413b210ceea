package ca.isp.billing.writers;

/**
 * Turns an invoice into PDF bytes. Two engines (setting {@code billing.render.engine}):
 * {@code html} (InvoicePdfRenderer: Freemarker, HTML, iText pdfHTML) and {@code layout}
 * (LayoutInvoiceRenderer: a layout file per language drawn with PDFBox). Safe to call from
 * several threads.
 */
public interface InvoiceRenderer {

    byte[] render(InvoiceDocument doc);
}
