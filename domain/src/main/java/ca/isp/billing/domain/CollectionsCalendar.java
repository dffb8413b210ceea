package ca.isp.billing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

/**
 * The days the company acts on overdue accounts (turns them delinquent, suspends them): the
 * allowed weekdays (Monday to Thursday: no account is cut on a Friday) less the exclusion dates,
 * one-off (a given Labour Day) or yearly (Canada Day, Saint-Jean-Baptiste, Christmas).
 */
public record CollectionsCalendar(Set<DayOfWeek> allowedDays, Set<LocalDate> oneOffExclusions,
                                  Set<MonthDay> yearlyExclusions) {

    public CollectionsCalendar {
        if (allowedDays == null || allowedDays.isEmpty()) {
            throw new IllegalArgumentException("the collections calendar needs at least one allowed weekday");
        }
        allowedDays = Set.copyOf(allowedDays);
        oneOffExclusions = oneOffExclusions == null ? Set.of() : Set.copyOf(oneOffExclusions);
        yearlyExclusions = yearlyExclusions == null ? Set.of() : Set.copyOf(yearlyExclusions);
    }

    /** Every day allowed: collections as they were before the calendar. */
    public static CollectionsCalendar everyDay() {
        return new CollectionsCalendar(EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of());
    }

    public boolean allows(LocalDate date) {
        return allowedDays.contains(date.getDayOfWeek())
                && !oneOffExclusions.contains(date)
                && !yearlyExclusions.contains(MonthDay.from(date));
    }

    /** The first allowed day on or after date (at most a year on: a calendar that allows nothing is refused). */
    public LocalDate firstAllowedOnOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i <= 366; i++, day = day.plusDays(1)) {
            if (allows(day)) {
                return day;
            }
        }
        throw new IllegalStateException("the collections calendar allows no day in the year from " + date);
    }
}
