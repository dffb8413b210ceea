package ca.isp.billing.domain;

import java.util.Objects;

/**
 * The company's proration choices. Each trigger can be switched off; off means whole terms for
 * that trigger:
 * <ul>
 * <li>{@code activation} off: a service that starts inside a term is billed as if it had started
 * on the term's first day;</li>
 * <li>{@code cancellation} off: a cancelled service is billed to the end of the term it stops in;</li>
 * <li>{@code planChange} off: a new plan starts at the end of the old plan's current term;</li>
 * <li>{@code quantityChange} off: a new quantity counts from the next term;</li>
 * <li>{@code suspension} off: a term is free only when suspended all through (for plans that do
 * not bill while suspended).</li>
 * </ul>
 * A bill-day change is always prorated: the stub to the new bill day is the customer's days, not
 * a commercial choice. {@code dayCount}: actual days (the default) or 30-day months.
 */
public record ProrationSettings(boolean activation, boolean cancellation, boolean planChange,
                                boolean quantityChange, boolean suspension, DayCount dayCount) {

    public ProrationSettings {
        Objects.requireNonNull(dayCount, "dayCount");
    }

    /** Every trigger prorated, by actual days: the default. */
    public static ProrationSettings prorateEverything() {
        return new ProrationSettings(true, true, true, true, true, DayCount.ACTUAL_DAYS);
    }

    /** No trigger prorated: whole terms only. */
    public static ProrationSettings wholeTermsOnly() {
        return new ProrationSettings(false, false, false, false, false, DayCount.ACTUAL_DAYS);
    }

    public ProrationSettings withActivation(boolean on) {
        return new ProrationSettings(on, cancellation, planChange, quantityChange, suspension, dayCount);
    }

    public ProrationSettings withCancellation(boolean on) {
        return new ProrationSettings(activation, on, planChange, quantityChange, suspension, dayCount);
    }

    public ProrationSettings withPlanChange(boolean on) {
        return new ProrationSettings(activation, cancellation, on, quantityChange, suspension, dayCount);
    }

    public ProrationSettings withQuantityChange(boolean on) {
        return new ProrationSettings(activation, cancellation, planChange, on, suspension, dayCount);
    }

    public ProrationSettings withSuspension(boolean on) {
        return new ProrationSettings(activation, cancellation, planChange, quantityChange, on, dayCount);
    }

    public ProrationSettings withDayCount(DayCount count) {
        return new ProrationSettings(activation, cancellation, planChange, quantityChange, suspension, count);
    }
}
