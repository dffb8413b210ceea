package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.writers.InvoiceDocument;

/** A pending outbox row with the invoice it carries. */
public record DeliveryToSend(long deliveryId, DeliveryChannel channel, String idempotencyKey, String destination,
                             Path pdf, InvoiceDocument document) {
}
