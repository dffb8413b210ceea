package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a general-ledger journal entry. Each entry is one source document, an issued
 * invoice or a payment ({@code sourceType}, {@code sourceRef}: the invoice number or the payment
 * reference); {@code lineRef} names what in the source the line books (the invoice line's key,
 * RECEIVABLE, CASH). {@code amount} is signed: positive is a debit, negative a credit, so an
 * entry balances when its amounts add up to zero. Plan, tax code and jurisdiction are null when
 * they do not apply.
 */
public record JournalLine(LocalDate entryDate, String sourceType, String sourceRef, String lineRef,
                          String accountNumber, String glAccount, JournalCategory category, String planCode,
                          String taxCode, String jurisdiction, String currency, BigDecimal amount) {

    public static final String INVOICE = "INVOICE";
    public static final String PAYMENT = "PAYMENT";
    public static final String WRITE_OFF = "WRITE_OFF";
    /** A returned payment (NSF cheque, chargeback): the payment's entry the other way round. */
    public static final String REVERSAL = "REVERSAL";
    /** Money received for no account we know (payment suspense): cash in, owed to someone not known yet. */
    public static final String SUSPENSE = "SUSPENSE";
    /** A bad-debt recovery: the written-off receivable reinstated, under the payment's reference. */
    public static final String RECOVERY = "RECOVERY";
    /** A closed account's credit paid back (FinalSettlement): receivables debited, cash credited. */
    public static final String REFUND = "REFUND";

    public JournalLine {
        if (amount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("journal amount must be rounded to cents: " + amount);
        }
        if (glAccount == null || glAccount.isBlank()) {
            throw new IllegalArgumentException("journal line " + sourceRef + " " + lineRef + " has no GL account");
        }
    }

    /** The debit column: the amount when positive, else 0.00. */
    public BigDecimal debit() {
        return amount.signum() > 0 ? amount : Money.ZERO;
    }

    /** The credit column: the amount's opposite when negative, else 0.00. */
    public BigDecimal credit() {
        return amount.signum() < 0 ? amount.negate() : Money.ZERO;
    }
}
