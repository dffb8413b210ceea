package ca.isp.billing.jobs.render;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.writers.InvoicePdfRenderer;

/** Renders one invoice to PDF bytes with the operator's Freemarker template. */
public class InvoicePdfProcessor implements ItemProcessor<InvoiceToRender, RenderedInvoice> {

    private final InvoicePdfRenderer renderer;

    public InvoicePdfProcessor(InvoicePdfRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public RenderedInvoice process(InvoiceToRender invoice) {
        return new RenderedInvoice(invoice.invoiceId(), invoice.document().invoiceNumber(),
                renderer.render(invoice.document()));
    }
}
