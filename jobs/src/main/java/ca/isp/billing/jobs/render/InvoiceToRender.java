package ca.isp.billing.jobs.render;

import ca.isp.billing.writers.InvoiceDocument;

/** An issued invoice to render as a PDF. */
public record InvoiceToRender(long invoiceId, InvoiceDocument document) {
}
