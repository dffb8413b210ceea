package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.InvoiceLine;

/**
 * A taxed invoice, its lines, the account's balance before it, the credits the account holds
 * (payments no invoice took yet, oldest first) and how the account wants it delivered.
 */
public record InvoiceToIssue(long invoiceId, long accountId, String invoiceNumber, LocalDate invoiceDate,
                             List<InvoiceLine> lines, BigDecimal previousBalance, List<Credit> credits,
                             DeliveryPreference delivery, String email) {

    /** What is left of a payment that no invoice has taken. */
    public record Credit(long paymentId, BigDecimal unapplied) {
    }
}
