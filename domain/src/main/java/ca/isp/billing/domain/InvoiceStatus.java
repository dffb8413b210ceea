package ca.isp.billing.domain;

/**
 * Where an invoice is in its life: DRAFT (charged) -> TAXED -> ISSUED (numbered, on the
 * ledger, deliveries queued). HELD when it cannot be taxed yet (no rate for its service
 * address): a rerun releases it. An ISSUED invoice is never deleted; VOID is an issued invoice
 * an operator voided at the review gate: it keeps its number and its ledger entry, and a credit
 * note (a CREDIT_NOTE ledger entry) cancels it.
 */
public enum InvoiceStatus {
    DRAFT, TAXED, HELD, ISSUED, VOID
}
