package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A flat late fee, charged once per invoice still open after its due date plus the grace days,
 * when at least {@code minimumOpenAmount} is owed.
 */
public record LateFeePolicy(String code, BigDecimal flatFee, int graceDays, BigDecimal minimumOpenAmount) {

    public LateFeePolicy {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("late fee policy code is required");
        }
        Objects.requireNonNull(flatFee, () -> "late fee policy " + code + ": flat fee is required");
        Objects.requireNonNull(minimumOpenAmount, () -> "late fee policy " + code + ": minimum open amount is required");
        if (flatFee.signum() < 0 || flatFee.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("late fee policy " + code + ": flat fee must be >= 0 with at most 2 decimals: " + flatFee);
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("late fee policy " + code + ": grace days is negative: " + graceDays);
        }
        if (minimumOpenAmount.signum() < 0) {
            throw new IllegalArgumentException("late fee policy " + code + ": minimum open amount is negative: " + minimumOpenAmount);
        }
        flatFee = flatFee.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }

    /** True when asOf is strictly after dueDate + graceDays and the open amount is positive and at least the minimum. */
    public boolean applies(LocalDate dueDate, BigDecimal openAmount, LocalDate asOf) {
        return asOf.isAfter(dueDate.plusDays(graceDays))
                && openAmount.signum() > 0
                && openAmount.compareTo(minimumOpenAmount) >= 0;
    }

    /** The LATE_FEE line; its key (invoice + policy) makes a rerun find the fee instead of adding it again. */
    public InvoiceLine feeLine(String invoiceNumber, LocalDate dueDate, Language language) {
        String description = language == Language.FR
                ? "Frais de retard : facture " + invoiceNumber + " échue le " + dueDate
                : "Late fee: invoice " + invoiceNumber + " due " + dueDate;
        String reason = "Invoice " + invoiceNumber + " was due " + dueDate + " and still open after " + graceDays
                + " grace days; late fee policy " + code + " charges " + flatFee;
        return new InvoiceLine(LineType.LATE_FEE, "LATE_FEE:" + invoiceNumber + ":" + code, description, reason,
                null, null, BigDecimal.ONE, "fee", flatFee, flatFee);
    }
}
