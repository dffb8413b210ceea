package ca.isp.billing.domain;

/**
 * Where an invoice is in its life: DRAFT (charged) -> TAXED -> ISSUED (numbered, on the
 * ledger, deliveries queued). HELD when it cannot be taxed yet (no rate for its service
 * address): a rerun releases it. An ISSUED invoice is never deleted.
 */
public enum InvoiceStatus {
    DRAFT, TAXED, HELD, ISSUED
}
