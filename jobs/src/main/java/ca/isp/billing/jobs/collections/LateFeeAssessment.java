package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A late fee to record against an overdue invoice; it is billed on the account's next invoice. */
public record LateFeeAssessment(long invoiceId, long accountId, String policyCode, BigDecimal amount,
                                LocalDate assessedOn) {
}
