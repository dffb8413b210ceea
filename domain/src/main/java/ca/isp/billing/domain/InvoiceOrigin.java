package ca.isp.billing.domain;

/** BILLED invoices are made by the cycle; IMPORTED ones are open invoices of the previous system. */
public enum InvoiceOrigin {
    BILLED, IMPORTED
}
