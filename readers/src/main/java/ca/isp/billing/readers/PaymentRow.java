package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of a payment batch; method is free text (BANK, CARD, ...) or null. */
public record PaymentRow(String paymentRef, String accountNumber, LocalDate receivedOn, BigDecimal amount,
                         String method) {
}
