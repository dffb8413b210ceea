package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a rate table (a line of the rates file): calls whose destination starts with
 * {@code prefix}, made in time band {@code band} ({@link #ANY}: at any time), from
 * {@code effectiveFrom} to {@code effectiveTo} (inclusive; null: no limit), cost the connection fee
 * plus the billed seconds at {@code perMinute}, at least {@code minimumCharge}.
 * {@code usesIncluded}: these calls draw on the plan's included minutes.
 */
public record VoiceRate(String table, String prefix, String destination, String band, BigDecimal perMinute,
                        BillingIncrement increment, BigDecimal connectionFee, BigDecimal minimumCharge,
                        boolean usesIncluded, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** The band of a rate that applies whatever the time of the call. */
    public static final String ANY = "ANY";
    /** E.164 numbers have at most 15 digits. */
    public static final int MAX_PREFIX = 15;
    /** A price per minute may be finer than a cent (0.0125); a call's amount is rounded. */
    public static final int PER_MINUTE_DECIMALS = 4;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1," + MAX_PREFIX + "}");
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    public VoiceRate {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("a rate needs its table");
        }
        if (prefix == null || !DIGITS.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table " + table + ": a prefix is 1 to " + MAX_PREFIX + " digits: " + prefix);
        }
        String where = "table " + table + ", prefix " + prefix;
        if (band == null || band.isBlank()) {
            throw new IllegalArgumentException(where + ": a band is required (" + ANY + " for any time)");
        }
        Objects.requireNonNull(perMinute, () -> where + ": per_minute is required");
        if (perMinute.signum() < 0 || perMinute.stripTrailingZeros().scale() > PER_MINUTE_DECIMALS) {
            throw new IllegalArgumentException(where + ": per_minute must be >= 0 with at most " + PER_MINUTE_DECIMALS
                    + " decimals: " + perMinute);
        }
        Objects.requireNonNull(increment, () -> where + ": increment is required");
        connectionFee = cents(where, "connection_fee", connectionFee);
        minimumCharge = cents(where, "minimum_charge", minimumCharge);
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(where + ": effective_to " + effectiveTo + " is before effective_from "
                    + effectiveFrom);
        }
    }

    public boolean isEffectiveOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** True when the two rates are in effect on at least one common day. */
    public boolean overlaps(VoiceRate other) {
        boolean startsBeforeOtherEnds = effectiveFrom == null || other.effectiveTo == null
                || !effectiveFrom.isAfter(other.effectiveTo);
        boolean otherStartsBeforeThisEnds = other.effectiveFrom == null || effectiveTo == null
                || !other.effectiveFrom.isAfter(effectiveTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /**
     * The amount of a call charged for {@code seconds}: connection fee + seconds x price per minute
     * / 60, at least the minimum charge, rounded once, half up, to the cent.
     */
    public BigDecimal charge(long seconds) {
        // in cent-minutes: (fee x 60 + seconds x price) / 60 is divided (and rounded) once
        BigDecimal numerator = connectionFee.multiply(SECONDS_PER_MINUTE)
                .add(BigDecimal.valueOf(seconds).multiply(perMinute));
        if (numerator.compareTo(minimumCharge.multiply(SECONDS_PER_MINUTE)) < 0) {
            return minimumCharge;
        }
        return numerator.divide(SECONDS_PER_MINUTE, Money.SCALE, Money.ROUNDING);
    }

    /** "1514 (Montréal) band DAY 0.0500/min 60/60". */
    public String describe() {
        return prefix + (destination == null || destination.isBlank() ? "" : " (" + destination + ")") + " band " + band
                + " " + perMinute.toPlainString() + "/min " + increment
                + (connectionFee.signum() > 0 ? " + " + connectionFee + " a call" : "")
                + (minimumCharge.signum() > 0 ? ", minimum " + minimumCharge : "");
    }

    private static BigDecimal cents(String where, String column, BigDecimal amount) {
        if (amount == null) {
            return Money.ZERO;
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException(where + ": " + column + " must be >= 0 with at most 2 decimals: " + amount);
        }
        return amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
