package ca.isp.billing.jobs.render;

/** A rendered invoice PDF, not yet on disk. */
public record RenderedInvoice(long invoiceId, String invoiceNumber, byte[] pdf) {
}
