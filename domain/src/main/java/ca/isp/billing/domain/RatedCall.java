package ca.isp.billing.domain;

import java.math.BigDecimal;

/**
 * A call with its price: the rate that applies, the time band it started in ({@code null}: a time
 * no band of the table holds) and the seconds billed after the rate's increments.
 */
public record RatedCall(Call call, VoiceRate rate, String band, long billedSeconds) implements CallRating {

    /** What the call costs with no included minutes. */
    public BigDecimal fullAmount() {
        return rate.charge(billedSeconds);
    }
}
