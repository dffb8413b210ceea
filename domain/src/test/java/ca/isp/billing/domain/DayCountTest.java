package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayCountTest {

    @ParameterizedTest(name = "day {0}, {1} + {2} months: {3} actual days, {4} in 30-day months")
    @CsvSource({
            "1, 2026-02-01, 1, 28, 30",
            "1, 2028-02-01, 1, 29, 30",
            "1, 2026-03-01, 1, 31, 30",
            "20, 2025-12-20, 3, 90, 90",
            "1, 2026-01-01, 12, 365, 360",
            "1, 2028-01-01, 12, 366, 360",
            "31, 2026-01-31, 1, 28, 30"})
    void countsTheDaysOfATerm(int day, String start, int months, long actual, long thirty) {
        BillDay billDay = BillDay.of(day);
        Term term = Term.starting(billDay, LocalDate.parse(start), months);
        assertThat(DayCount.ACTUAL_DAYS.termDays(billDay, term)).isEqualTo(actual);
        assertThat(DayCount.THIRTY_DAY_MONTHS.termDays(billDay, term)).isEqualTo(thirty);
    }

    @Test
    void thirtyDayMonthsCountThe31stAsNothingAndFebruarysEndAsTheRestOf30() {
        BillDay first = BillDay.of(1);
        Term march = Term.starting(first, LocalDate.of(2026, 3, 1), 1);
        // Mar 1 - Mar 20: 20 days; Mar 21 - Mar 31: 10 days (the 31st counts nothing)
        assertThat(DayCount.THIRTY_DAY_MONTHS.days(first, march, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 21)))
                .isEqualTo(20);
        assertThat(DayCount.THIRTY_DAY_MONTHS.days(first, march, LocalDate.of(2026, 3, 21), LocalDate.of(2026, 4, 1)))
                .isEqualTo(10);
        assertThat(DayCount.THIRTY_DAY_MONTHS.days(first, march, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)))
                .isZero();
        Term february = Term.starting(first, LocalDate.of(2026, 2, 1), 1);
        // Feb 28 alone counts 3 days: 27 before it, 30 in all
        assertThat(DayCount.THIRTY_DAY_MONTHS.days(first, february, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1)))
                .isEqualTo(3);
        // in a quarter, the second month starts at day 30
        Term quarter = Term.starting(first, LocalDate.of(2026, 1, 1), 3);
        assertThat(DayCount.THIRTY_DAY_MONTHS.days(first, quarter, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 11)))
                .isEqualTo(40);
    }
}
