package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A discount on an account's plans, as it is now (imported with {@code import discounts}): a
 * percentage or a fixed amount off each term, on one subscription ({@code subscriptionId}) or on
 * every subscription of the account (null), from {@code from} inclusive to {@code until} exclusive
 * (null: open-ended). What it takes off a term is counted on the days the plan line counts
 * (DiscountCharger), so it follows the plan's proration, and a change learnt after billing is
 * repaired like the plan.
 */
public record Discount(String ref, String subscriptionId, DiscountKind kind, BigDecimal value, LocalDate from,
                       LocalDate until) {

    /** Column size of the reference: a discount line's key holds it (line keys are at most 120). */
    public static final int MAX_REF = 16;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Discount {
        if (ref == null || ref.isBlank() || ref.length() > MAX_REF || ref.contains(":")) {
            throw new IllegalArgumentException("discount ref must be 1 to " + MAX_REF + " characters without ':': " + ref);
        }
        Objects.requireNonNull(kind, () -> "discount " + ref + ": kind is required");
        Objects.requireNonNull(from, () -> "discount " + ref + ": from is required");
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("discount " + ref + ": value must be > 0 with at most 2 decimals: " + value);
        }
        if (kind == DiscountKind.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("discount " + ref + ": a percentage is at most 100: " + value);
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("discount " + ref + ": ends on " + until + ", not after its start " + from);
        }
        value = value.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }

    /** True when it discounts this subscription's plans. */
    public boolean applies(String subscription) {
        return subscriptionId == null || subscriptionId.equals(subscription);
    }
}
