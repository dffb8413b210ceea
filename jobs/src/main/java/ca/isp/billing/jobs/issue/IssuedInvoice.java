package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.InvoiceTotals;

/**
 * An invoice ready to be final: totals, due date, amount due, the credits that pay it and its
 * outbox deliveries.
 */
public record IssuedInvoice(long invoiceId, long accountId, String invoiceNumber, LocalDate invoiceDate,
                            LocalDate dueDate, InvoiceTotals totals, BigDecimal previousBalance, BigDecimal amountDue,
                            List<CreditUse> creditsUsed, List<Delivery> deliveries) {

    /** One outbox row: its channel, with its idempotency key. */
    public record Delivery(DeliveryChannel channel, String idempotencyKey, String destination) {
    }

    /** Part of an earlier payment's credit that pays this invoice. */
    public record CreditUse(long paymentId, BigDecimal amount) {
    }
}
