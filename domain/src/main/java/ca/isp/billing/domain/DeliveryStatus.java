package ca.isp.billing.domain;

/**
 * An outbox row: PENDING until handed over, then SENT. FAILED: it broke on our side (an
 * unreadable PDF); ATTENTION: the provider refused it, or would, for a reason a person must fix
 * (an address Lob cannot print, a recipient the mail server refused), kept with that reason.
 * A provider that does not answer leaves the row PENDING. A rerun tries PENDING, FAILED and
 * ATTENTION rows again.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, ATTENTION,
    /** Never to be sent: its invoice was voided at the review gate before it was rendered. */
    VOID
}
