package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's status (and since when), and what it owes past due: oldest unpaid due date
 * (null: nothing) and amount.
 */
public record AccountStanding(long accountId, String status, LocalDate statusSince, LocalDate oldestUnpaidDueDate,
                              BigDecimal overdueAmount) {
}
