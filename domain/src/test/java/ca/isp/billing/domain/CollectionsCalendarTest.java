package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionsCalendarTest {

    // Monday to Thursday; Labour Day 2026 (Monday 2026-09-07) one-off; Canada Day, Saint-Jean-Baptiste and
    // Christmas every year.
    private static final CollectionsCalendar QUEBEC = new CollectionsCalendar(
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            Set.of(LocalDate.of(2026, 9, 7)),
            Set.of(MonthDay.of(7, 1), MonthDay.of(6, 24), MonthDay.of(12, 25)));

    // delinquent 1 day after the due date, at least 10.00 overdue, suspended 7 days after turning delinquent
    private static final DelinquencyPolicy POLICY = new DelinquencyPolicy(1, new BigDecimal("10.00"), 7, QUEBEC);

    private static final LocalDate THURSDAY_BEFORE_LABOUR_DAY = LocalDate.of(2026, 9, 3);
    private static final BigDecimal OVERDUE = new BigDecimal("68.99");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-09-03, ACTIVE",      // Thursday: the due date itself
            "2026-09-04, ACTIVE",      // Friday: 1 day past due, overdue, but Fridays are not allowed
            "2026-09-05, ACTIVE",      // Saturday
            "2026-09-06, ACTIVE",      // Sunday
            "2026-09-07, ACTIVE",      // Monday, Labour Day: excluded
            "2026-09-08, DELINQUENT"}) // Tuesday: the first allowed day catches up
    void dueTheThursdayBeforeALongWeekend(LocalDate asOf, AccountStatus expected) {
        assertThat(POLICY.next(AccountStatus.ACTIVE, null, THURSDAY_BEFORE_LABOUR_DAY, OVERDUE, asOf))
                .isEqualTo(expected);
        assertThat(QUEBEC.firstAllowedOnOrAfter(LocalDate.of(2026, 9, 4))).isEqualTo("2026-09-08");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-09-14, DELINQUENT",  // Monday: 6 days after 09-08
            "2026-09-15, SUSPENDED",   // Tuesday: 09-08 + 7
            "2026-09-18, DELINQUENT"}) // Friday after the delay, if nothing ran Tue-Thu: waits for Monday
    void suspendedAfterTheFurtherDelayOnTheSameCalendar(LocalDate asOf, AccountStatus expected) {
        assertThat(POLICY.next(AccountStatus.DELINQUENT, LocalDate.of(2026, 9, 8), THURSDAY_BEFORE_LABOUR_DAY,
                OVERDUE, asOf)).isEqualTo(expected);
    }

    @Test
    void paidUpIsActiveAgainOnAnyDay() {
        // Friday 2026-09-18, excluded for cutting, but a payment brought the overdue to 0.00 (oldest due: none)
        LocalDate friday = LocalDate.of(2026, 9, 18);
        assertThat(POLICY.next(AccountStatus.SUSPENDED, LocalDate.of(2026, 9, 15), null, BigDecimal.ZERO, friday))
                .isEqualTo(AccountStatus.ACTIVE);
        // 9.99 left overdue is under the 10.00 minimum: active again too
        assertThat(POLICY.next(AccountStatus.DELINQUENT, LocalDate.of(2026, 9, 8), THURSDAY_BEFORE_LABOUR_DAY,
                new BigDecimal("9.99"), friday)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void yearlyExclusionsHoldEveryYear() {
        // Saint-Jean-Baptiste: a Wednesday in 2026, a Thursday in 2027: both allowed weekdays, both excluded
        assertThat(LocalDate.of(2026, 6, 24).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(LocalDate.of(2027, 6, 24).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(QUEBEC.allows(LocalDate.of(2026, 6, 24))).isFalse();
        assertThat(QUEBEC.allows(LocalDate.of(2027, 6, 24))).isFalse();
        assertThat(QUEBEC.allows(LocalDate.of(2026, 6, 23))).isTrue();
        // Canada Day 2026 (Wednesday) and 2027 (Thursday)
        assertThat(QUEBEC.allows(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(QUEBEC.allows(LocalDate.of(2027, 7, 1))).isFalse();
        // due Wednesday 06-23, 1 day past due on Thursday 06-24 (excluded): still ACTIVE; Friday to Sunday
        // are not allowed weekdays, so Monday 06-28 is the first allowed day
        assertThat(POLICY.next(AccountStatus.ACTIVE, null, LocalDate.of(2027, 6, 23), OVERDUE,
                LocalDate.of(2027, 6, 24))).isEqualTo(AccountStatus.ACTIVE);
        assertThat(QUEBEC.firstAllowedOnOrAfter(LocalDate.of(2027, 6, 24))).isEqualTo("2027-06-28");
        // the one-off Labour Day 2026 is not excluded in 2027 (Monday 2027-09-06 is Labour Day then, but
        // the file gave only 2026's): 2026-09-07's date a year later, a Tuesday, is allowed
        assertThat(QUEBEC.allows(LocalDate.of(2027, 9, 7))).isTrue();
    }
}
