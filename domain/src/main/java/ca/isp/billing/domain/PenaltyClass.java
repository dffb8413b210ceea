package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A penalty classification (residential, commercial, any named class): how much a late fee is on
 * an overdue invoice and when it is charged.
 * <ul>
 * <li>The fee clock starts the day after due date + grace days.</li>
 * <li>The overdue base is the unpaid part of the penalised lines (for example recurring and
 * usage, not taxes or earlier fees): payments and credits on a partly paid invoice are spread
 * over its lines pro rata, so the base is penalised lines x open / total, rounded to the cent.
 * An invoice without lines (taken over from the previous system) is penalised in full.</li>
 * <li>No fee when the base is below {@code minimumOverdue} or nothing is owed.</li>
 * <li>The fee is the percentage, the flat amount or the greater of the two, rounded to the cent,
 * then raised to {@code minimumFee} and capped at {@code maximumFee} (null: no cap).</li>
 * <li>At most one fee per invoice per period: period 0 when the clock starts; with
 * {@code eachPeriod} one more each month the invoice stays overdue (period n from the clock
 * start plus n months).</li>
 * </ul>
 *
 * @param percent a percentage: 1.5 is 1.5% of the base
 */
public record PenaltyClass(String code, PenaltyMethod method, BigDecimal percent, BigDecimal flatFee,
                           BigDecimal minimumFee, BigDecimal maximumFee, int graceDays, BigDecimal minimumOverdue,
                           Set<LineType> penalisedKinds, boolean eachPeriod) {

    /** What the customer buys, net of credits: not taxes, not earlier late fees. */
    public static final Set<LineType> CHARGES = EnumSet.of(LineType.RECURRING, LineType.USAGE, LineType.ONE_TIME,
            LineType.CREDIT, LineType.DISCOUNT);

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MAX_PERCENT = new BigDecimal("100");

    public PenaltyClass {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("penalty class code is required");
        }
        Objects.requireNonNull(method, () -> "penalty class " + code + ": method is required");
        percent = orZero(percent);
        flatFee = money(code, "flat fee", flatFee);
        minimumFee = money(code, "minimum fee", minimumFee);
        maximumFee = maximumFee == null ? null : money(code, "maximum fee", maximumFee);
        minimumOverdue = money(code, "minimum overdue", minimumOverdue);
        if (percent.signum() < 0 || percent.compareTo(MAX_PERCENT) > 0) {
            throw new IllegalArgumentException("penalty class " + code + ": percent must be from 0 to 100: " + percent);
        }
        if (method != PenaltyMethod.FLAT && percent.signum() == 0) {
            throw new IllegalArgumentException("penalty class " + code + ": method " + method + " needs a percent");
        }
        if (maximumFee != null && maximumFee.compareTo(minimumFee) < 0) {
            throw new IllegalArgumentException("penalty class " + code + ": maximum fee " + maximumFee
                    + " is below the minimum fee " + minimumFee);
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("penalty class " + code + ": grace days is negative: " + graceDays);
        }
        if (penalisedKinds == null || penalisedKinds.isEmpty()) {
            throw new IllegalArgumentException("penalty class " + code + ": at least one penalised line kind is required");
        }
        penalisedKinds = Set.copyOf(penalisedKinds);
    }

    /** Today's single flat fee once per invoice: every line kind counts, no minimum or maximum. */
    public static PenaltyClass flat(String code, BigDecimal fee, int graceDays, BigDecimal minimumOverdue) {
        return new PenaltyClass(code, PenaltyMethod.FLAT, BigDecimal.ZERO, fee, BigDecimal.ZERO, null, graceDays,
                minimumOverdue, EnumSet.allOf(LineType.class), false);
    }

    /** The first day a fee may be charged: the day after due date + grace days. */
    public LocalDate clockStarts(LocalDate dueDate) {
        return dueDate.plusDays(graceDays + 1L);
    }

    /**
     * The period whose fee is due as of asOf (0 for the first), or empty while still in the grace
     * period. Without eachPeriod only period 0 exists.
     */
    public Optional<Integer> periodAsOf(LocalDate dueDate, LocalDate asOf) {
        LocalDate start = clockStarts(dueDate);
        if (asOf.isBefore(start)) {
            return Optional.empty();
        }
        return Optional.of(eachPeriod ? (int) ChronoUnit.MONTHS.between(start, asOf) : 0);
    }

    /**
     * The unpaid part of the penalised lines: penalised x open / total, rounded half up to the
     * cent, never below zero nor above what is open.
     *
     * @param amountsByKind the invoice's line amounts summed by kind (taxes included); empty: no lines
     */
    public BigDecimal overdueBase(BigDecimal total, BigDecimal open, Map<LineType, BigDecimal> amountsByKind) {
        if (open.signum() <= 0) {
            return Money.ZERO;
        }
        if (amountsByKind.isEmpty() || total.signum() <= 0) {
            return open.setScale(Money.SCALE, Money.ROUNDING);
        }
        BigDecimal penalised = amountsByKind.entrySet().stream().filter(e -> penalisedKinds.contains(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal base = penalised.multiply(open).divide(total, Money.SCALE, Money.ROUNDING);
        return base.signum() < 0 ? Money.ZERO : base.min(open).setScale(Money.SCALE, Money.ROUNDING);
    }

    /** The fee on this overdue base, or empty when the base is below the minimum overdue (or nothing). */
    public Optional<BigDecimal> fee(BigDecimal base) {
        if (base.signum() <= 0 || base.compareTo(minimumOverdue) < 0) {
            return Optional.empty();
        }
        BigDecimal byPercent = base.multiply(percent).divide(HUNDRED, Money.SCALE, Money.ROUNDING);
        BigDecimal fee = switch (method) {
            case PERCENT -> byPercent;
            case FLAT -> flatFee;
            case GREATER_OF -> byPercent.max(flatFee);
        };
        fee = fee.max(minimumFee);
        if (maximumFee != null) {
            fee = fee.min(maximumFee);
        }
        return fee.signum() > 0 ? Optional.of(fee.setScale(Money.SCALE, Money.ROUNDING)) : Optional.empty();
    }

    /** How the fee was worked out, for the fee's reason line. */
    public String describe() {
        String how = switch (method) {
            case PERCENT -> percent.stripTrailingZeros().toPlainString() + "%";
            case FLAT -> flatFee.toPlainString();
            case GREATER_OF -> "greater of " + percent.stripTrailingZeros().toPlainString() + "% and " + flatFee.toPlainString();
        };
        return how + (minimumFee.signum() > 0 ? ", at least " + minimumFee : "")
                + (maximumFee != null ? ", at most " + maximumFee : "");
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal money(String code, String what, BigDecimal value) {
        BigDecimal amount = orZero(value);
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("penalty class " + code + ": " + what
                    + " must be >= 0 with at most 2 decimals: " + amount);
        }
        return amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
