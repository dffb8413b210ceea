package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;
import java.time.LocalDateTime;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * A pending outbox row with the invoice it carries: its email address ({@code destination},
 * EMAIL rows) and the account's billing address (PRINT rows: a courier that prints the address
 * itself needs it field by field, not as the lines of the invoice). {@code renderedAt}: when its
 * PDF was made (system time), so no attempt to hand it over can be older.
 */
public record DeliveryToSend(long deliveryId, DeliveryChannel channel, String idempotencyKey, String destination,
                             Address billingAddress, Path pdf, LocalDateTime renderedAt, InvoiceDocument document) {
}
