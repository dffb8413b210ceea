package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One term of a plan: {@code start} inclusive to {@code end} exclusive, both bill dates, as many
 * months apart as the plan's term. A stub is a part of one term, never a term of its own, so what
 * a stub costs is always a share of the term that contains it.
 */
public record Term(LocalDate start, LocalDate end) {

    public Term {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("term end " + end + " is not after start " + start);
        }
    }

    /** The term of {@code months} months that starts on a bill date. */
    public static Term starting(BillDay billDay, LocalDate start, int months) {
        return new Term(start, billDay.plusMonths(start, months));
    }

    /** The term of {@code months} months that ends on a bill date (the term a stub before it belongs to). */
    public static Term ending(BillDay billDay, LocalDate end, int months) {
        return new Term(billDay.plusMonths(end, -months), end);
    }

    /** The last day of the term, as printed on invoices. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    @Override
    public String toString() {
        return start + ".." + lastDay();
    }
}
