package ca.isp.billing.domain;

import java.time.LocalDate;

/**
 * When an account's unpaid balance is written off as uncollectable: {@code afterDays} days after
 * the due date of its oldest unpaid invoice, once collections have cut the service (the account
 * is SUSPENDED), so a balance is never written off while a suspension can still move the
 * customer. Then every invoice left open on the account is written off (a ledger entry each,
 * never a deletion: the agency collects the whole balance), the account becomes WRITTEN_OFF and
 * is listed for the collection agency. {@code afterDays} 0 writes nothing off (the company decides).
 */
public record WriteOffPolicy(int afterDays) {

    public WriteOffPolicy {
        if (afterDays < 0) {
            throw new IllegalArgumentException("billing.write-off.after-days must be 0 (never) or more: " + afterDays);
        }
    }

    public boolean enabled() {
        return afterDays > 0;
    }

    /** The last due date an invoice written off on {@code asOf} may have: due on or before it. */
    public LocalDate dueOnOrBefore(LocalDate asOf) {
        return asOf.minusDays(afterDays);
    }

    /**
     * True when an account in {@code status} whose oldest unpaid invoice was due on
     * {@code oldestDueDate} is written off on {@code asOf}.
     */
    public boolean writesOff(LocalDate oldestDueDate, AccountStatus status, LocalDate asOf) {
        return enabled() && (status == AccountStatus.SUSPENDED || status == AccountStatus.CLOSED) && !oldestDueDate.isAfter(dueOnOrBefore(asOf));
    }

    /**
     * True when a balance open again on an account in {@code status} is written off at once: an
     * account already WRITTEN_OFF is collected by the agency, not billed, so what a returned payment
     * (or an invoice the review gate released late) reopens on it is written off again the same day,
     * whatever its age and even once the company has stopped writing off (afterDays 0).
     */
    public boolean writesOffAgain(AccountStatus status) {
        return status == AccountStatus.WRITTEN_OFF;
    }
}
