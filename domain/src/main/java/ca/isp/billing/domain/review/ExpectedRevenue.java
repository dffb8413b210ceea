package ca.isp.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a plan's revenue on an earlier invoice is expected to be now, at the price in force now:
 * a dated price change (plan_price, {@code price_from}) explains its own share of a revenue move,
 * so the cycle-wide plan and jurisdiction rules judge only what it does not explain.
 */
public final class ExpectedRevenue {

    private ExpectedRevenue() {
    }

    /**
     * {@code before x priceNow / priceThen}, to the cent (half up); {@code before} itself when
     * there was no price then to compare with.
     */
    public static BigDecimal atPriceNow(BigDecimal before, BigDecimal priceThen, BigDecimal priceNow) {
        if (priceThen == null || priceNow == null || priceThen.signum() <= 0) {
            return before;
        }
        return before.multiply(priceNow).divide(priceThen, 2, RoundingMode.HALF_UP);
    }
}
