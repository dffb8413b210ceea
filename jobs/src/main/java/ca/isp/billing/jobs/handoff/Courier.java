package ca.isp.billing.jobs.handoff;

/**
 * One way of handing an invoice over: a letter through Lob or in the mail-vendor batch, an email
 * over SMTP or as an .eml file. {@link Couriers} picks one per outbox row from the settings, so
 * the hand-off step itself never asks which it is.
 */
public interface Courier {

    /** How the outbox row names it ({@code delivery.courier}): lob, mail-vendor, smtp, eml. */
    String name();

    /**
     * Hands one invoice over. A refusal or an outage is an answer ({@link Handover}), not an
     * exception; an exception means something broke on our side (the row becomes FAILED).
     */
    Handover handOver(DeliveryToSend delivery, byte[] pdf);

    /** True when what it hands over is a file written here (a vendor letter, an .eml): on disk before SENT. */
    default boolean writesFiles() {
        return false;
    }

    /** When the step starts: clean up what a killed run left (temporary files). */
    default void open() {
    }
}
