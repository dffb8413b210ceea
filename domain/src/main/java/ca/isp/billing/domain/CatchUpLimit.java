package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far behind an account may be and still be caught up by a cycle on its own. An account
 * whose next bill date is more than {@code maxPeriodsBehind} account periods (months) before
 * the cycle date is most likely a data mistake (a next bill date of 1900 would bill 1,500
 * months on one invoice): the operator confirms it with --force.
 */
public record CatchUpLimit(int maxPeriodsBehind) {

    public CatchUpLimit {
        if (maxPeriodsBehind < 0) {
            throw new IllegalArgumentException("max periods behind must be 0 or more: " + maxPeriodsBehind);
        }
    }

    /** The earliest next bill date a cycle charges without --force. */
    public LocalDate earliestNextBillDate(LocalDate cycleDate) {
        return cycleDate.minusMonths(maxPeriodsBehind);
    }

    /** True when the account is further behind than the limit: charging it needs --force. */
    public boolean needsForce(LocalDate nextBillDate, LocalDate cycleDate) {
        return nextBillDate.isBefore(earliestNextBillDate(cycleDate));
    }

    /** Whole account periods between the next bill date and the cycle date, for the operator. */
    public static long periodsBehind(LocalDate nextBillDate, LocalDate cycleDate) {
        return Math.max(0, ChronoUnit.MONTHS.between(nextBillDate, cycleDate));
    }
}
