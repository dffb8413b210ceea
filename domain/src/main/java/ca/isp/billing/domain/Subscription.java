package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One service an account buys on a plan. {@code endDate} is the inclusive last day of service,
 * null while the service is open-ended.
 */
public record Subscription(String subscriptionId, String planCode, String serviceId,
                           LocalDate startDate, LocalDate endDate) {

    public Subscription {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("subscription_id is required");
        }
        Objects.requireNonNull(planCode, () -> "subscription " + subscriptionId + ": plan_code is required");
        Objects.requireNonNull(startDate, () -> "subscription " + subscriptionId + ": start_date is required");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("subscription " + subscriptionId + ": end_date " + endDate
                    + " is before start_date " + startDate);
        }
    }

    /** True when at least one day of the period is a day of service. */
    public boolean isActiveDuring(BillingPeriod period) {
        return !startDate.isAfter(period.lastDay()) && (endDate == null || !endDate.isBefore(period.start()));
    }
}
