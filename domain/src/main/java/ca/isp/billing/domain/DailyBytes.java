package ca.isp.billing.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A subscription's data by day (upload + download bytes, local days), as the charge step sums it;
 * a session that spans midnight is split into its days by {@link SessionSplitter}. Exact: a month
 * of many records can pass what a long holds.
 */
public record DailyBytes(SortedMap<LocalDate, BigInteger> byDay) {

    public DailyBytes {
        for (Map.Entry<LocalDate, BigInteger> day : byDay.entrySet()) {
            if (day.getValue().signum() < 0) {
                throw new IllegalArgumentException("negative data on " + day.getKey() + ": " + day.getValue());
            }
        }
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    public static DailyBytes of(Map<LocalDate, BigInteger> byDay) {
        return new DailyBytes(new TreeMap<>(byDay));
    }

    public static DailyBytes none() {
        return new DailyBytes(new TreeMap<>());
    }

    /** The same with {@code bytes} more on {@code day}. */
    public DailyBytes plus(LocalDate day, BigInteger bytes) {
        TreeMap<LocalDate, BigInteger> sum = new TreeMap<>(byDay);
        sum.merge(day, bytes, BigInteger::add);
        return new DailyBytes(sum);
    }

    public DailyBytes plus(LocalDate day, long bytes) {
        return plus(day, BigInteger.valueOf(bytes));
    }

    public BigInteger total() {
        return byDay.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
