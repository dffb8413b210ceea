package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What one consumption component charges for one usage period, and why: the GB used and beyond
 * the included ones, the days with use (PER_DAY), how many periods or days were raised to the
 * minimum, whether the cap applied. {@code exact} is the amount before rounding; {@code amount}
 * is it rounded once, half up, to the cent.
 */
public record DataCharge(ConsumptionComponent component, BillingPeriod period, BigInteger bytes,
                         BigDecimal usedGb, BigDecimal billableGb, int daysUsed, int raisedToMinimum,
                         boolean capped, BigDecimal exact, BigDecimal amount) {

    public boolean isZero() {
        return amount.signum() == 0;
    }
}
