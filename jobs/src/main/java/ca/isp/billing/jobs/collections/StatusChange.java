package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

import ca.isp.billing.domain.AccountStatus;

/** An account moving between ACTIVE, DELINQUENT and SUSPENDED, with the figures that moved it. */
public record StatusChange(long accountId, AccountStatus fromStatus, AccountStatus toStatus, LocalDate date,
                           BigDecimal overdueAmount, LocalDate oldestUnpaidDueDate) {
}
