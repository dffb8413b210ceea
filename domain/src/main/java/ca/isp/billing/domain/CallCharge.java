package ca.isp.billing.domain;

import java.math.BigDecimal;

/**
 * What one rated call costs in its period: of its billed seconds, {@code includedSeconds} came
 * from the plan's included minutes and {@code chargedSeconds} are charged; {@code amount} is
 * rounded to the cent once, for this call.
 */
public record CallCharge(RatedCall rated, long includedSeconds, long chargedSeconds, BigDecimal amount) {

    public CallCharge {
        if (includedSeconds + chargedSeconds != rated.billedSeconds()) {
            throw new IllegalArgumentException("call " + rated.call().callId() + ": " + includedSeconds + " + "
                    + chargedSeconds + " s is not the " + rated.billedSeconds() + " s billed");
        }
        if (amount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("call amount must be rounded to cents: " + amount);
        }
    }
}
