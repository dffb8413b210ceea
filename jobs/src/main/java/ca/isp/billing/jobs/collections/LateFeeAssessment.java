package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A late fee to record against an overdue invoice for one period (0: the first); it is billed
 * on the account's next invoice.
 */
public record LateFeeAssessment(long invoiceId, long accountId, String policyCode, int period, BigDecimal amount,
                                LocalDate assessedOn) {
}
