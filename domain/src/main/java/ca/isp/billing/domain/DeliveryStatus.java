package ca.isp.billing.domain;

/** An outbox row: PENDING until handed over, then SENT; FAILED is tried again by the next run. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
