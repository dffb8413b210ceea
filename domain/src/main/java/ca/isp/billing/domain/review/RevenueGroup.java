package ca.isp.billing.domain.review;

import java.math.BigDecimal;

/**
 * A plan's or a jurisdiction's revenue this cycle against the last, like with like: over the
 * accounts invoiced now that have an earlier invoice of the same term, {@code current} is the
 * new charges of this cycle's invoices and {@code previous} those of each account's previous
 * invoice. Accounts new this cycle or gone since do not move it: they are not an anomaly.
 */
public record RevenueGroup(String name, String currency, int accounts, BigDecimal current, BigDecimal previous) {
}
