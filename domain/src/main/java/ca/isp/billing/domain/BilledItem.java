package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one recurring or credit line billed against one term of one plan of one subscription.
 * The charge step stores it with the line and gives every item back on the next run: what a term
 * has been billed is the sum of its items, and the next invoice bills only the difference.
 */
public record BilledItem(String subscriptionId, String planCode, Term term, BigDecimal amount) {

    public BilledItem {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(term, "term");
        if (amount == null || amount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("billed amount must be rounded to cents: " + amount);
        }
    }
}
