package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

import ca.isp.billing.domain.ReversalReason;

/**
 * One line of a payment batch. method is free text (CHEQUE, CARD, BANK, ...) or null. The
 * account, the invoice or both name who paid (one at least). A reversal (an NSF cheque, a
 * chargeback) has a negative amount and names the payment it takes back (reverses), with its
 * reason or null (decided by the original's method).
 */
public record PaymentRow(String paymentRef, String accountNumber, LocalDate receivedOn, BigDecimal amount,
                         String method, String invoiceNumber, String depositBatch, String chequeNumber,
                         String reverses, ReversalReason reversalReason) {

    /** A line of the first format: an account, an amount, a method. */
    public PaymentRow(String paymentRef, String accountNumber, LocalDate receivedOn, BigDecimal amount, String method) {
        this(paymentRef, accountNumber, receivedOn, amount, method, null, null, null, null, null);
    }

    public boolean isReversal() {
        return reverses != null;
    }
}
