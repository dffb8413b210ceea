package ca.isp.billing.jobs.handoff;

/** What became of one delivery handed to a {@link Courier}. */
public sealed interface Handover {

    /** Taken: the provider's reference (Lob's letter id, the file name, the Message-ID), pages and SHA-256 of the PDF. */
    record Sent(String providerRef) implements Handover {
    }

    /** Refused, or would be, for a reason a person must fix (the address, the recipient): ATTENTION. */
    record NeedsAttention(String reason) implements Handover {
    }

    /** The provider did not take it this time (down, busy, a temporary refusal): left PENDING for the next run. */
    record TryLater(String reason) implements Handover {
    }
}
