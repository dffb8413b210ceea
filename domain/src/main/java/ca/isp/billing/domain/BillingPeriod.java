package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A service period: from {@code start} inclusive to {@code end} exclusive. */
public record BillingPeriod(LocalDate start, LocalDate end) {

    public BillingPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " is not after start " + start);
        }
    }

    public static BillingPeriod ofMonths(LocalDate start, int months) {
        return new BillingPeriod(start, start.plusMonths(months));
    }

    /** The last day of service in the period, as printed on invoices. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }
}
