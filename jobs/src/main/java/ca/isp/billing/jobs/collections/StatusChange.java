package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An account moving between ACTIVE and DELINQUENT, with the figures that moved it. */
public record StatusChange(long accountId, String fromStatus, String toStatus, LocalDate date,
                           BigDecimal overdueAmount, LocalDate oldestUnpaidDueDate) {
}
