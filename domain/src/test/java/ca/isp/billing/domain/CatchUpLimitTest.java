package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CatchUpLimitTest {

    private final CatchUpLimit three = new CatchUpLimit(3);

    @ParameterizedTest(name = "next bill date {0}, cycle {1}: needs force {2}, {3} periods behind")
    @CsvSource({
            // 2026-11-01 - 3 months = 2026-08-01: August, September, October, November are 4 periods to charge
            "2026-08-01, 2026-11-01, false, 3",
            "2026-07-31, 2026-11-01, true,  3",   // a day further: more than 3 periods behind
            "2026-06-01, 2026-11-01, true,  5",
            "2026-11-01, 2026-11-01, false, 0",   // on time
            "2026-12-01, 2026-11-01, false, 0",   // not due yet
            "1900-01-01, 2026-11-01, true,  1522", // 126 years and 10 months
            // 2026-05-31 - 3 months = 2026-02-28: the month's last day, not March 3rd
            "2026-02-28, 2026-05-31, false, 3",
            "2026-02-27, 2026-05-31, true,  3"})
    void moreThanThreePeriodsBehindNeedsForce(LocalDate nextBillDate, LocalDate cycleDate, boolean needsForce,
                                              long periodsBehind) {
        assertThat(three.needsForce(nextBillDate, cycleDate)).isEqualTo(needsForce);
        assertThat(CatchUpLimit.periodsBehind(nextBillDate, cycleDate)).isEqualTo(periodsBehind);
    }

    @Test
    void theEarliestDateChargedWithoutForce() {
        assertThat(three.earliestNextBillDate(LocalDate.of(2026, 11, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
        // a limit of 0: only an account due in the cycle's own period
        assertThat(new CatchUpLimit(0).needsForce(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1))).isTrue();
    }

    @Test
    void aNegativeLimitIsAMistake() {
        assertThatThrownBy(() -> new CatchUpLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max periods behind must be 0 or more: -1");
    }
}
