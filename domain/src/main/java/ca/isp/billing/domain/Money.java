package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The one rounding rule for money: amounts are dollars and cents (scale 2), rounded half up
 * at every boundary (a line, a tax per jurisdiction, a fee). Totals are sums of rounded amounts.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** Rounds an exact amount to cents, half up. */
    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /** Parses an amount such as "49.99"; more than 2 decimals is an error, not a silent rounding. */
    public static BigDecimal parse(String text) {
        BigDecimal value = new BigDecimal(text.trim());
        if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("more than 2 decimals: " + text);
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Sum of already rounded amounts; the result has scale 2. */
    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
