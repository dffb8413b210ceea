package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

import ca.isp.billing.domain.AccountStatus;

/**
 * An account's status (and since when), and what it owes past due: oldest unpaid due date
 * (null: nothing) and amount.
 */
public record AccountStanding(long accountId, AccountStatus status, LocalDate statusSince, LocalDate oldestUnpaidDueDate,
                              BigDecimal overdueAmount) {
}
