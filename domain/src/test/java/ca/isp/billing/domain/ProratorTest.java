package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProratorTest {

    @ParameterizedTest(name = "{0} * {1} / {2}")
    @CsvSource({
            "49.99, 12, 30, 20.00, 0.4000",   // 49.99 * 12 / 30 = 19.996 -> 20.00
            "49.99, 14, 28, 25.00, 0.5000",   // 49.99 * 14 / 28 = 24.995 -> 25.00 (half up at exactly half a cent)
            "10.05, 15, 30, 5.03, 0.5000",    // 10.05 * 15 / 30 = 5.025 -> 5.03
            "49.99, 30, 30, 49.99, 1.0000",   // the whole period
            "49.99, 0, 30, 0.00, 0.0000",     // no day
            "135.00, 52, 92, 76.30, 0.5652"}) // 135.00 * 52 / 92 = 76.3043 -> 76.30; 52 / 92 = 0.56522
    void proratesByDaysRoundingOnce(BigDecimal price, long active, long total, BigDecimal amount,
                                     BigDecimal fraction) {
        assertThat(Prorator.prorate(price, active, total)).isEqualTo(amount);
        assertThat(Prorator.fraction(active, total)).isEqualTo(fraction);
    }

    @Test
    void moreDaysThanThePeriodIsAnError() {
        assertThatThrownBy(() -> Prorator.prorate(BigDecimal.TEN, 31, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot prorate 31 of 30 days");
    }
}
