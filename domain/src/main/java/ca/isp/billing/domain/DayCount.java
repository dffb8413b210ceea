package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How the days of a term are counted for proration. ACTUAL_DAYS (the default): calendar days,
 * so a month term has 28 to 31. THIRTY_DAY_MONTHS: every month of a term counts 30 days, as some
 * ISPs bill; the 31st of a month counts nothing and the last day of February counts the days up
 * to 30 (a month term always has 30, a quarter 90).
 */
public enum DayCount {
    ACTUAL_DAYS, THIRTY_DAY_MONTHS;

    private static final int DAYS_PER_MONTH = 30;

    /** The days of the whole term: what a price is divided by. */
    public long termDays(BillDay billDay, Term term) {
        return position(billDay, term, term.end());
    }

    /** The days counted from {@code from} inclusive to {@code to} exclusive, both inside the term (or its end). */
    public long days(BillDay billDay, Term term, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(to + " is before " + from);
        }
        return position(billDay, term, to) - position(billDay, term, from);
    }

    /**
     * How many days of the term lie before the date. A difference of positions, so counting
     * is additive: the days of the parts of a term always add up to the days of the term.
     */
    private long position(BillDay billDay, Term term, LocalDate date) {
        if (date.isBefore(term.start()) || date.isAfter(term.end())) {
            throw new IllegalArgumentException(date + " is outside term " + term);
        }
        if (this == ACTUAL_DAYS) {
            return ChronoUnit.DAYS.between(term.start(), date);
        }
        long months = 0;
        LocalDate monthStart = term.start();
        LocalDate next = billDay.plusMonths(monthStart, 1);
        while (!next.isAfter(date)) {
            months++;
            monthStart = next;
            if (monthStart.equals(term.end())) {
                break;
            }
            next = billDay.plusMonths(monthStart, 1);
        }
        return months * DAYS_PER_MONTH + Math.min(DAYS_PER_MONTH, ChronoUnit.DAYS.between(monthStart, date));
    }
}
