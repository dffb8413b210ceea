package ca.isp.billing.jobs.handoff;

import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * Letters as files for a print-to-mail vendor: {@code out/mail-vendor/<cycle>/<key>.pdf}, listed
 * in the manifest by the handoffManifest step. Named by the idempotency key and written
 * atomically, so doing a row again replaces its letter instead of adding one.
 */
public class MailVendorCourier implements Courier {

    public static final String NAME = "mail-vendor";

    private final MailVendorBatch batch;

    public MailVendorCourier(MailVendorBatch batch) {
        this.batch = batch;
    }

    @Override
    public boolean writesFiles() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Handover handOver(DeliveryToSend delivery, byte[] pdf) {
        return new Handover.Sent(batch.addLetter(delivery.idempotencyKey(), pdf).getFileName().toString());
    }

    @Override
    public void open() {
        AtomicFiles.deleteLeftoverTemps(batch.batchDir());
    }
}
