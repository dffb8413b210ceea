package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one discount line took off (negative) or gave back (positive) for one term of one plan of
 * one subscription. Stored with the line; the next run bills only the difference between what the
 * discount owes the term now and the sum of its items, as for the plan itself.
 */
public record DiscountItem(String discountRef, String subscriptionId, String planCode, Term term, BigDecimal amount) {

    public DiscountItem {
        Objects.requireNonNull(discountRef, "discountRef");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(term, "term");
        if (amount == null || amount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("discount amount must be rounded to cents: " + amount);
        }
    }
}
