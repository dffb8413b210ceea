package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;

import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.InvoiceEmail;

/**
 * Emails as files: {@code out/email/<cycle>/<key>.eml}, the message an SMTP server would get
 * (same Message-ID, PDF attached), for an operator without a mail server or to look at.
 */
public class EmlFileCourier implements Courier {

    public static final String NAME = "eml";

    private final InvoiceEmail email;
    private final Path folder;

    public EmlFileCourier(InvoiceEmail email, Path folder) {
        this.email = email;
        this.folder = folder;
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
        var message = email.build(delivery.idempotencyKey(), delivery.destination(), delivery.document(), pdf);
        return new Handover.Sent(email.writeEml(message, folder, delivery.idempotencyKey()).getFileName().toString());
    }

    @Override
    public void open() {
        AtomicFiles.deleteLeftoverTemps(folder);
    }
}
