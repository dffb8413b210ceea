package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * On which days an unpaid invoice gets its payment reminder and its past-due warning.
 * <ul>
 * <li>Reminder: on a day from {@code reminderDaysBefore} days before the due date to the day
 * before it, while the invoice is unpaid: the first such run sends it (a run missed catches up,
 * a reminder is never sent on or after the due date: the past-due warning takes over).</li>
 * <li>Past-due warning: from {@code pastDueDaysAfter} days after the due date on, while the
 * invoice is unpaid.</li>
 * <li>Both only on the days the collections calendar allows (no dunning on a Friday, a weekend
 * or a holiday when the company acts Monday to Thursday): the same calendar as delinquency, so a
 * customer is never warned on a day the company would not act. A reminder whose whole window has
 * no allowed day is not sent.</li>
 * </ul>
 * Once per invoice is the outbox's business (its key), not this rule's.
 */
public record DunningNotices(int reminderDaysBefore, int pastDueDaysAfter, CollectionsCalendar calendar) {

    public DunningNotices {
        if (reminderDaysBefore < 0) {
            throw new IllegalArgumentException("reminder days before the due date is negative: " + reminderDaysBefore);
        }
        if (pastDueDaysAfter < 1) {
            throw new IllegalArgumentException("past-due warning days after the due date must be at least 1: "
                    + pastDueDaysAfter);
        }
        Objects.requireNonNull(calendar, "the collections calendar is required");
    }

    /** True when a run on {@code today} sends the reminder of an unpaid invoice due {@code dueDate}. */
    public boolean reminderDue(LocalDate dueDate, LocalDate today) {
        return reminderDaysBefore > 0 && calendar.allows(today)
                && !today.isBefore(dueDate.minusDays(reminderDaysBefore)) && today.isBefore(dueDate);
    }

    /** True when a run on {@code today} sends the past-due warning of an invoice due {@code dueDate} still unpaid. */
    public boolean pastDueWarningDue(LocalDate dueDate, LocalDate today) {
        return calendar.allows(today) && !today.isBefore(dueDate.plusDays(pastDueDaysAfter));
    }
}
