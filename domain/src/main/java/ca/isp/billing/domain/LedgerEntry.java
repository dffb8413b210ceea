package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of an account's ledger: what the customer owes is the sum of its entries.
 *
 * @param reference the invoice number, the opening invoice's number or the payment reference
 * @param amount    positive when owed, negative when paid, in cents
 */
public record LedgerEntry(LedgerEntryType type, LocalDate date, String reference, BigDecimal amount) {

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
    }
}
