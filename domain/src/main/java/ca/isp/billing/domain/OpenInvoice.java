package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** An issued invoice with money still owed on it. */
public record OpenInvoice(long invoiceId, String invoiceNumber, LocalDate dueDate, BigDecimal openAmount) {

    public OpenInvoice {
        Objects.requireNonNull(invoiceNumber, () -> "invoice " + invoiceId + ": number is required");
        Objects.requireNonNull(dueDate, () -> "invoice " + invoiceNumber + ": due date is required");
        Objects.requireNonNull(openAmount, () -> "invoice " + invoiceNumber + ": open amount is required");
    }
}
