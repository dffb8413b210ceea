package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Objects;

/**
 * The days a date of some kind can plausibly fall on, both ends included: a usage record from
 * 1900 or a payment received in 2099 is a mistake in the file, not something to bill or apply.
 * A window is counted from a reference day (today), {@code back} before it to {@code ahead} after.
 */
public record DateWindow(LocalDate earliest, LocalDate latest) {

    /** Every date: no plausibility check (a file's header, a test of something else). */
    public static final DateWindow ANY = new DateWindow(LocalDate.MIN, LocalDate.MAX);

    public DateWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("window ends " + latest + " before it starts " + earliest);
        }
    }

    /** From {@code back} before the day to {@code ahead} after it. */
    public static DateWindow around(LocalDate day, Period back, Period ahead) {
        return around(day, day, back, ahead);
    }

    /**
     * From {@code back} before the earlier of two days to {@code ahead} after the later one: the
     * inbox of a cycle billed for another day than today takes what is plausible for either.
     */
    public static DateWindow around(LocalDate day, LocalDate otherDay, Period back, Period ahead) {
        LocalDate first = day.isBefore(otherDay) ? day : otherDay;
        LocalDate last = day.isBefore(otherDay) ? otherDay : day;
        return new DateWindow(first.minus(back), last.plus(ahead));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest);
    }

    /** A moment is in the window when its day is: the last day counts until midnight. */
    public boolean contains(LocalDateTime moment) {
        return contains(moment.toLocalDate());
    }

    /** As reasons print it: 2026-05-20..2026-11-21. */
    @Override
    public String toString() {
        return earliest + ".." + latest;
    }
}
