package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A subscription's own price for its plan (a contract price), replacing the plan's price of a
 * whole term for the terms of that plan whose first day of service on the subscription is on or
 * after {@code from}. Printed on the line: "Fibre 500 (contract price)".
 */
public record PriceOverride(String subscriptionId, String planCode, LocalDate from, BigDecimal price) {

    public PriceOverride {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(from, "from");
        if (price == null || price.signum() < 0 || price.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("subscription " + subscriptionId + ": contract price must be >= 0 with"
                    + " at most 2 decimals: " + price);
        }
        price = price.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
