package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One subscription as it is now, with its whole past: when it started, when it stops (if known),
 * its plan and quantity over time, and its suspensions. An order system states this whole history
 * on every import; billing it is always "what this history owes minus what was billed", so the
 * same history imported twice changes nothing.
 *
 * <p>{@code cancelledFrom} is the first day without service (null: open-ended), so "cancelled from
 * 21 March" means 20 March is the last day billed. A suspension runs from {@code from} to
 * {@code until}, the day of reactivation (null: still suspended). Changes dated on or after
 * {@code cancelledFrom} do not count.
 */
public record SubscriptionHistory(String subscriptionId, LocalDate start, LocalDate cancelledFrom,
                                  List<PlanChange> plans, List<QuantityChange> quantities,
                                  List<Suspension> suspensions) {

    /** From {@code from} on, the subscription is on this plan. */
    public record PlanChange(LocalDate from, String planCode) {
        public PlanChange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(planCode, "planCode");
        }
    }

    /** From {@code from} on, the subscription bills this many units (lines, addresses, seats). */
    public record QuantityChange(LocalDate from, int quantity) {
        public QuantityChange {
            Objects.requireNonNull(from, "from");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be 1 or more: " + quantity);
            }
        }
    }

    /** Suspended from {@code from}, reactivated on {@code until} (null: not yet). */
    public record Suspension(LocalDate from, LocalDate until) {
        public Suspension {
            Objects.requireNonNull(from, "from");
            if (until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("suspension from " + from + " ends on " + until + ", not after");
            }
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    public SubscriptionHistory {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("subscription id is required");
        }
        String id = subscriptionId;
        Objects.requireNonNull(start, () -> "subscription " + id + ": start is required");
        if (cancelledFrom != null && cancelledFrom.isBefore(start)) {
            throw new IllegalArgumentException("subscription " + id + ": cancelled from " + cancelledFrom
                    + ", before its start " + start);
        }
        plans = sortedFromStart(id, "plan", plans, PlanChange::from, start);
        quantities = sortedFromStart(id, "quantity", quantities, QuantityChange::from, start);
        List<Suspension> sorted = new ArrayList<>(suspensions);
        sorted.sort(Comparator.comparing(Suspension::from));
        for (int i = 0; i < sorted.size(); i++) {
            Suspension suspension = sorted.get(i);
            if (suspension.from().isBefore(start)) {
                throw new IllegalArgumentException("subscription " + id + ": suspended from " + suspension.from()
                        + ", before its start " + start);
            }
            if (i > 0 && (sorted.get(i - 1).until() == null || suspension.from().isBefore(sorted.get(i - 1).until()))) {
                throw new IllegalArgumentException("subscription " + id + ": suspensions overlap on " + suspension.from());
            }
        }
        suspensions = List.copyOf(sorted);
    }

    /** A subscription on one plan, quantity 1, from its start, open-ended. */
    public static SubscriptionHistory starting(String subscriptionId, LocalDate start, String planCode) {
        return new SubscriptionHistory(subscriptionId, start, null, List.of(new PlanChange(start, planCode)),
                List.of(new QuantityChange(start, 1)), List.of());
    }

    /** The same, stopping on {@code date} (its first day without service). */
    public SubscriptionHistory cancelledFrom(LocalDate date) {
        return new SubscriptionHistory(subscriptionId, start, date, plans, quantities, suspensions);
    }

    /** The same with the end date removed. */
    public SubscriptionHistory notCancelled() {
        return new SubscriptionHistory(subscriptionId, start, null, plans, quantities, suspensions);
    }

    /** The same on {@code planCode} from {@code date} (the start date sets the first plan). */
    public SubscriptionHistory planFrom(LocalDate date, String planCode) {
        List<PlanChange> next = new ArrayList<>(plans);
        next.removeIf(change -> change.from().equals(date));
        next.add(new PlanChange(date, planCode));
        return new SubscriptionHistory(subscriptionId, start, cancelledFrom, next, quantities, suspensions);
    }

    /** The same with {@code quantity} units from {@code date} (the start date sets the first quantity). */
    public SubscriptionHistory quantityFrom(LocalDate date, int quantity) {
        List<QuantityChange> next = new ArrayList<>(quantities);
        next.removeIf(change -> change.from().equals(date));
        next.add(new QuantityChange(date, quantity));
        return new SubscriptionHistory(subscriptionId, start, cancelledFrom, plans, next, suspensions);
    }

    /** The same, suspended from {@code from} until the reactivation on {@code until} (null: not yet). */
    public SubscriptionHistory suspended(LocalDate from, LocalDate until) {
        List<Suspension> next = new ArrayList<>(suspensions);
        next.removeIf(suspension -> suspension.from().equals(from));
        next.add(new Suspension(from, until));
        return new SubscriptionHistory(subscriptionId, start, cancelledFrom, plans, quantities, next);
    }

    /** The plan in force on the date (the first plan before the start). */
    public String planOn(LocalDate date) {
        return latest(plans, PlanChange::from, date).planCode();
    }

    /** The quantity in force on the date (the first quantity before the start). */
    public int quantityOn(LocalDate date) {
        return latest(quantities, QuantityChange::from, date).quantity();
    }

    public boolean suspendedOn(LocalDate date) {
        return suspensions.stream().anyMatch(suspension -> suspension.covers(date));
    }

    private static <T> T latest(List<T> changes, Function<T, LocalDate> from, LocalDate date) {
        T found = changes.get(0);
        for (T change : changes) {
            if (from.apply(change).isAfter(date)) {
                break;
            }
            found = change;
        }
        return found;
    }

    private static <T> List<T> sortedFromStart(String id, String what, List<T> changes, Function<T, LocalDate> from,
                                               LocalDate start) {
        List<T> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(from));
        if (sorted.isEmpty() || !from.apply(sorted.get(0)).equals(start)) {
            throw new IllegalArgumentException("subscription " + id + ": its first " + what + " must be from its start "
                    + start);
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (from.apply(sorted.get(i)).equals(from.apply(sorted.get(i - 1)))) {
                throw new IllegalArgumentException("subscription " + id + ": two " + what + " changes on "
                        + from.apply(sorted.get(i)));
            }
        }
        return List.copyOf(sorted);
    }
}
