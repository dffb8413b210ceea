package ca.isp.billing.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ExpectedRevenueTest {

    @Test
    void theLastRevenueAtThePriceInForceNow() {
        // 160.00 at 40.00, now 50.00: 160.00 x 50.00 / 40.00 = 200.00
        assertThat(ExpectedRevenue.atPriceNow(new BigDecimal("160.00"), new BigDecimal("40.00"), new BigDecimal("50.00")))
                .isEqualByComparingTo("200.00");
        // 99.99 at 29.99, now 34.99: 99.99 x 34.99 / 29.99 = 116.660... -> 116.66
        assertThat(ExpectedRevenue.atPriceNow(new BigDecimal("99.99"), new BigDecimal("29.99"), new BigDecimal("34.99")))
                .isEqualByComparingTo("116.66");
        // no price then to compare with: as it was
        assertThat(ExpectedRevenue.atPriceNow(new BigDecimal("12.00"), BigDecimal.ZERO, new BigDecimal("50.00")))
                .isEqualByComparingTo("12.00");
    }
}
