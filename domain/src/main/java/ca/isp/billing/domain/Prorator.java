package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Charges part of a price for part of a period, by days, rounding once to cents. */
public final class Prorator {

    /** Scale of the informational fraction shown as a line's quantity (12/30 = 0.4000). */
    public static final int FRACTION_SCALE = 4;

    private Prorator() {
    }

    /** price * activeDays / totalDays, rounded half up to cents once, on the final amount. */
    public static BigDecimal prorate(BigDecimal price, long activeDays, long totalDays) {
        check(activeDays, totalDays);
        return price.multiply(BigDecimal.valueOf(activeDays))
                .divide(BigDecimal.valueOf(totalDays), Money.SCALE, Money.ROUNDING);
    }

    /** activeDays / totalDays with 4 decimals, half up; for display only. */
    public static BigDecimal fraction(long activeDays, long totalDays) {
        check(activeDays, totalDays);
        return BigDecimal.valueOf(activeDays).divide(BigDecimal.valueOf(totalDays), FRACTION_SCALE, RoundingMode.HALF_UP);
    }

    private static void check(long activeDays, long totalDays) {
        if (totalDays <= 0 || activeDays < 0 || activeDays > totalDays) {
            throw new IllegalArgumentException("cannot prorate " + activeDays + " of " + totalDays + " days");
        }
    }
}
