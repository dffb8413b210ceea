package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An account's bill day over time: the day it started with and each change, from its date.
 * What is stored is the day (the anchor), never a clamped date. A change takes effect on its
 * date: the service from then on is billed on the new day, after a stub up to its first bill date.
 */
public record BillingAnchor(BillDay first, List<Change> changes) {

    /** From {@code from} on, the account is billed on {@code day}. */
    public record Change(LocalDate from, BillDay day) {
        public Change {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(day, "day");
        }
    }

    public BillingAnchor {
        Objects.requireNonNull(first, "first");
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
                throw new IllegalArgumentException("two bill-day changes on " + sorted.get(i).from());
            }
        }
        changes = List.copyOf(sorted);
    }

    /** An account that has always been billed on this day. */
    public static BillingAnchor of(int day) {
        return new BillingAnchor(BillDay.of(day), List.of());
    }

    /** The same with the bill day changed to {@code day} from {@code from} (replacing a change on that date). */
    public BillingAnchor changedFrom(LocalDate from, int day) {
        List<Change> next = new ArrayList<>(changes);
        next.removeIf(change -> change.from().equals(from));
        next.add(new Change(from, BillDay.of(day)));
        return new BillingAnchor(first, next);
    }

    /** The bill day in force on the date. */
    public BillDay dayOn(LocalDate date) {
        BillDay day = first;
        for (Change change : changes) {
            if (change.from().isAfter(date)) {
                break;
            }
            day = change.day();
        }
        return day;
    }

    /**
     * The first date after {@code date} on which a term can begin: the next bill date, or the date
     * of a bill-day change before it (its stub begins there).
     */
    public LocalDate nextBillDate(LocalDate date) {
        LocalDate next = dayOn(date).after(date);
        for (Change change : changes) {
            if (change.from().isAfter(date) && change.from().isBefore(next)) {
                return change.from();
            }
        }
        return next;
    }
}
