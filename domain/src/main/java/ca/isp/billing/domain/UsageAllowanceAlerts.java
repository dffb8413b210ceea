package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Which data-allowance thresholds (percentages of the GB a plan includes, 75, 90 and 100 by
 * default, as Canadian Internet service rules expect) an account's usage in a period has reached.
 * Compared exactly, in bytes (1 GB = 10^9 bytes, as invoices count): 75% of 500 GB is reached at
 * 375,000,000,000 bytes, not one byte before. A plan with no included data has no thresholds.
 */
public final class UsageAllowanceAlerts {

    private static final BigDecimal BYTES_PER_GB = new BigDecimal("1000000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final List<Integer> thresholds;

    public UsageAllowanceAlerts(List<Integer> thresholds) {
        for (int t : thresholds) {
            if (t <= 0 || t > 1000) {
                throw new IllegalArgumentException("usage alert threshold must be 1 to 1000 percent: " + t);
            }
        }
        this.thresholds = thresholds.stream().distinct().sorted().toList();
    }

    /** The thresholds reached, lowest first; none when {@code includedGb} is null or zero. */
    public List<Integer> reached(BigInteger usedBytes, BigDecimal includedGb) {
        List<Integer> reached = new ArrayList<>();
        if (includedGb == null || includedGb.signum() <= 0) {
            return reached;
        }
        // used * 100 >= included * 10^9 * threshold, all exact integers (included has at most 3 decimals)
        BigDecimal used = new BigDecimal(usedBytes).multiply(HUNDRED);
        BigDecimal allowance = includedGb.multiply(BYTES_PER_GB);
        for (int t : thresholds) {
            if (used.compareTo(allowance.multiply(BigDecimal.valueOf(t))) >= 0) {
                reached.add(t);
            }
        }
        return reached;
    }
}
