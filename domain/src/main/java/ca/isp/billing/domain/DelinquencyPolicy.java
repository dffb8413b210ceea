package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When an account becomes delinquent, then suspended, and when it is active again.
 * <ul>
 * <li>Overdue: its oldest unpaid invoice is at least {@code daysPastDue} days past due and at
 * least {@code minimumOverdue} is overdue.</li>
 * <li>An overdue ACTIVE account turns DELINQUENT only on a day the calendar allows; the next
 * allowed day catches up.</li>
 * <li>A DELINQUENT account still overdue {@code suspendAfterDays} days after it turned delinquent
 * is SUSPENDED, again only on an allowed day (0: never suspended).</li>
 * <li>An account no longer overdue (paid) is ACTIVE again at the next run, any day: service comes
 * back as soon as the money is in.</li>
 * </ul>
 */
public record DelinquencyPolicy(int daysPastDue, BigDecimal minimumOverdue, int suspendAfterDays,
                                CollectionsCalendar calendar) {

    public DelinquencyPolicy {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("delinquency days past due is negative: " + daysPastDue);
        }
        Objects.requireNonNull(minimumOverdue, "delinquency minimum overdue amount is required");
        if (minimumOverdue.signum() < 0) {
            throw new IllegalArgumentException("delinquency minimum overdue amount is negative: " + minimumOverdue);
        }
        if (suspendAfterDays < 0) {
            throw new IllegalArgumentException("suspension delay is negative: " + suspendAfterDays);
        }
        Objects.requireNonNull(calendar, "the collections calendar is required");
    }

    /** Delinquent after daysPastDue, every day allowed, never suspended: the rule before the calendar. */
    public DelinquencyPolicy(int daysPastDue, BigDecimal minimumOverdue) {
        this(daysPastDue, minimumOverdue, 0, CollectionsCalendar.everyDay());
    }

    /** oldestUnpaidDueDate is null when nothing is overdue; overdue from due + daysPastDue on. */
    public boolean isOverdue(LocalDate oldestUnpaidDueDate, BigDecimal overdueAmount, LocalDate asOf) {
        return oldestUnpaidDueDate != null
                && !asOf.isBefore(oldestUnpaidDueDate.plusDays(daysPastDue))
                && overdueAmount.compareTo(minimumOverdue) >= 0;
    }

    /** The status the account should have as of asOf; statusSince is when it took its current one. */
    public AccountStatus next(AccountStatus current, LocalDate statusSince, LocalDate oldestUnpaidDueDate,
                              BigDecimal overdueAmount, LocalDate asOf) {
        if (current == AccountStatus.WRITTEN_OFF) {
            return current; // nothing is overdue any more, yet the customer did not pay: not restored
        }
        if (current == AccountStatus.CLOSED) {
            return current; // the customer left: no service to cut or restore, paid or not
        }
        if (!isOverdue(oldestUnpaidDueDate, overdueAmount, asOf)) {
            return AccountStatus.ACTIVE;
        }
        boolean allowed = calendar.allows(asOf);
        return switch (current) {
            case ACTIVE -> allowed ? AccountStatus.DELINQUENT : AccountStatus.ACTIVE;
            case DELINQUENT -> allowed && suspendAfterDays > 0 && statusSince != null
                    && !asOf.isBefore(statusSince.plusDays(suspendAfterDays))
                    ? AccountStatus.SUSPENDED : AccountStatus.DELINQUENT;
            case SUSPENDED -> AccountStatus.SUSPENDED;
            case WRITTEN_OFF -> AccountStatus.WRITTEN_OFF;
            case CLOSED -> AccountStatus.CLOSED;
        };
    }
}
