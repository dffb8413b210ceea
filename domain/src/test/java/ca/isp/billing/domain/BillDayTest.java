package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillDayTest {

    @Test
    void day31FallsOnEachMonthsLastDayAndComesBack() {
        BillDay day = BillDay.of(31);
        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = LocalDate.of(2026, 1, 31);
        for (int i = 0; i < 13; i++) {
            dates.add(date);
            date = day.plusMonths(date, 1);
        }
        // no drift to the 28th after February
        assertThat(dates).extracting(LocalDate::toString).containsExactly("2026-01-31", "2026-02-28", "2026-03-31",
                "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
                "2026-11-30", "2026-12-31", "2027-01-31");
    }

    @ParameterizedTest(name = "day {0} in {1}: {2}")
    @CsvSource({
            "29, 2026-02, 2026-02-28",
            "29, 2028-02, 2028-02-29",   // leap year
            "30, 2028-02, 2028-02-29",
            "31, 2026-04, 2026-04-30",
            "31, 2026-05, 2026-05-31",
            "1, 2026-02, 2026-02-01"})
    void fallsOnTheMonthsLastDayWhenTheMonthIsShort(int day, String month, String date) {
        assertThat(BillDay.of(day).in(YearMonth.parse(month))).isEqualTo(date);
    }

    @ParameterizedTest(name = "day {0}: on or after {1} = {2}, after = {3}")
    @CsvSource({
            "20, 2026-03-05, 2026-03-20, 2026-03-20",
            "20, 2026-03-20, 2026-03-20, 2026-04-20",   // a bill date is its own first bill date, not the next
            "31, 2026-02-28, 2026-02-28, 2026-03-31",
            "30, 2026-01-31, 2026-02-28, 2026-02-28",
            "1, 2026-12-15, 2027-01-01, 2027-01-01"})
    void findsTheNextBillDate(int day, String date, String onOrAfter, String after) {
        assertThat(BillDay.of(day).onOrAfter(LocalDate.parse(date))).isEqualTo(onOrAfter);
        assertThat(BillDay.of(day).after(LocalDate.parse(date))).isEqualTo(after);
    }

    @Test
    void countsBackOnTheAnchorToo() {
        // the quarter that ends on Mar 20 starts on Dec 20; the one that ends on May 31, on Feb 28
        assertThat(BillDay.of(20).plusMonths(LocalDate.of(2026, 3, 20), -3)).isEqualTo("2025-12-20");
        assertThat(BillDay.of(31).plusMonths(LocalDate.of(2026, 5, 31), -3)).isEqualTo("2026-02-28");
    }

    @Test
    void refusesADayOutsideAMonthAndADateOffTheAnchor() {
        assertThatThrownBy(() -> BillDay.of(0)).hasMessage("bill day must be 1 to 31: 0");
        assertThatThrownBy(() -> BillDay.of(32)).hasMessage("bill day must be 1 to 31: 32");
        assertThatThrownBy(() -> BillDay.of(31).plusMonths(LocalDate.of(2026, 3, 28), 1))
                .hasMessage("2026-03-28 is not a bill date of day 31");
    }
}
