package ca.isp.billing.jobs.render;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.writers.InvoiceRenderer;

/** Renders one invoice to PDF bytes with the engine configured (html templates or layout files). */
public class InvoicePdfProcessor implements ItemProcessor<InvoiceToRender, RenderedInvoice> {

    private final InvoiceRenderer renderer;

    public InvoicePdfProcessor(InvoiceRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public RenderedInvoice process(InvoiceToRender invoice) {
        return new RenderedInvoice(invoice.invoiceId(), invoice.document().invoiceNumber(),
                renderer.render(invoice.document()));
    }
}
