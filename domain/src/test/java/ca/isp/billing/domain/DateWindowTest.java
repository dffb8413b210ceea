package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

class DateWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void countsBackAndAheadFromToday() {
        // 2026-11-20 - 6 months = 2026-05-20; + 1 day = 2026-11-21
        DateWindow usage = DateWindow.around(TODAY, Period.ofMonths(6), Period.ofDays(1));

        assertThat(usage).isEqualTo(new DateWindow(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 11, 21)));
        assertThat(usage).hasToString("2026-05-20..2026-11-21");
    }

    @Test
    void bothEndsAreIn() {
        DateWindow usage = DateWindow.around(TODAY, Period.ofMonths(6), Period.ofDays(1));

        assertThat(usage.contains(LocalDate.of(2026, 5, 19))).isFalse();
        assertThat(usage.contains(LocalDate.of(2026, 5, 20))).isTrue();
        assertThat(usage.contains(LocalDate.of(2026, 11, 21))).isTrue();
        assertThat(usage.contains(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(usage.contains(LocalDate.of(1900, 1, 1))).isFalse();
        assertThat(usage.contains(LocalDate.of(2099, 1, 1))).isFalse();
    }

    @Test
    void aMomentCountsByItsDaySoTheLastDayRunsToMidnight() {
        DateWindow usage = DateWindow.around(TODAY, Period.ofMonths(6), Period.ofDays(1));

        assertThat(usage.contains(LocalDateTime.of(2026, 5, 19, 23, 59, 59))).isFalse();
        assertThat(usage.contains(LocalDateTime.of(2026, 5, 20, 0, 0, 0))).isTrue();
        assertThat(usage.contains(LocalDateTime.of(2026, 11, 21, 23, 59, 59))).isTrue();
        assertThat(usage.contains(LocalDateTime.of(2026, 11, 22, 0, 0, 0))).isFalse();
    }

    @Test
    void aroundTwoDaysSpansBoth() {
        // cycle 2026-12-01 billed on 2026-11-20: from 2026-11-20 - 1 year to 2026-12-01 + 7 days
        DateWindow payments = DateWindow.around(TODAY, LocalDate.of(2026, 12, 1), Period.ofYears(1), Period.ofDays(7));
        assertThat(payments).hasToString("2025-11-20..2026-12-08");

        // an older cycle 2026-10-01 rerun on 2026-11-20: from 2025-10-01 to 2026-11-27
        assertThat(DateWindow.around(TODAY, LocalDate.of(2026, 10, 1), Period.ofYears(1), Period.ofDays(7)))
                .hasToString("2025-10-01..2026-11-27");
    }

    @Test
    void monthEndsStayInTheirMonth() {
        // 2026-08-31 - 6 months = 2026-02-28 (no February 31st)
        assertThat(DateWindow.around(LocalDate.of(2026, 8, 31), Period.ofMonths(6), Period.ZERO))
                .hasToString("2026-02-28..2026-08-31");
    }

    @Test
    void aWindowEndingBeforeItStartsIsAMistake() {
        assertThatThrownBy(() -> new DateWindow(TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window ends 2026-11-19 before it starts 2026-11-20");
    }
}
