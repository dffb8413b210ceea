package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** When an account becomes delinquent: its oldest unpaid invoice is this many days past due and enough is overdue. */
public record DelinquencyPolicy(int daysPastDue, BigDecimal minimumOverdue) {

    public DelinquencyPolicy {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("delinquency days past due is negative: " + daysPastDue);
        }
        Objects.requireNonNull(minimumOverdue, "delinquency minimum overdue amount is required");
        if (minimumOverdue.signum() < 0) {
            throw new IllegalArgumentException("delinquency minimum overdue amount is negative: " + minimumOverdue);
        }
    }

    /** oldestUnpaidDueDate is null when nothing is overdue; delinquent from due + daysPastDue on. */
    public boolean isDelinquent(LocalDate oldestUnpaidDueDate, BigDecimal overdueAmount, LocalDate asOf) {
        return oldestUnpaidDueDate != null
                && !asOf.isBefore(oldestUnpaidDueDate.plusDays(daysPastDue))
                && overdueAmount.compareTo(minimumOverdue) >= 0;
    }
}
