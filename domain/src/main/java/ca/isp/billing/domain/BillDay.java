package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The day of the month an account is billed, 1 to 31. In a month too short for it, the bill
 * date is the month's last day, and the next month is back on the day itself: a bill day of 31
 * gives Jan 31, Feb 28 (29), Mar 31, Apr 30. Dates are always computed from the day, never from
 * the previous (clamped) date, so they never drift to the 28th.
 */
public record BillDay(int day) {

    public BillDay {
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("bill day must be 1 to 31: " + day);
        }
    }

    public static BillDay of(int day) {
        return new BillDay(day);
    }

    /** The bill date in this month. */
    public LocalDate in(YearMonth month) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    /** The first bill date on or after the date. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate here = in(YearMonth.from(date));
        return here.isBefore(date) ? in(YearMonth.from(date).plusMonths(1)) : here;
    }

    /** The first bill date strictly after the date. */
    public LocalDate after(LocalDate date) {
        return onOrAfter(date.plusDays(1));
    }

    /** True when the date is a bill date of this day (Feb 28, 2026 is one for 28, 29, 30 and 31). */
    public boolean isBillDate(LocalDate date) {
        return in(YearMonth.from(date)).equals(date);
    }

    /** The bill date {@code months} months after (negative: before) a bill date: Jan 31 + 1 = Feb 28, + 2 = Mar 31. */
    public LocalDate plusMonths(LocalDate billDate, long months) {
        if (!isBillDate(billDate)) {
            throw new IllegalArgumentException(billDate + " is not a bill date of day " + day);
        }
        return in(YearMonth.from(billDate).plusMonths(months));
    }
}
