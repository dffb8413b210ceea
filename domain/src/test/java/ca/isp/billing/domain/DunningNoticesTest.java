package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DunningNoticesTest {

    // Monday to Thursday, Labour Day 2026-09-07 (a Monday) excluded, Christmas yearly
    private final CollectionsCalendar calendar = new CollectionsCalendar(
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            Set.of(LocalDate.of(2026, 9, 7)), Set.of(MonthDay.of(12, 25)));
    private final DunningNotices notices = new DunningNotices(3, 2, calendar);

    @Test
    void reminderFromThreeDaysBeforeTheDueDateOnAllowedDaysOnly() {
        LocalDate due = LocalDate.of(2026, 9, 10); // a Thursday
        // window 09-07 .. 09-09: Monday 09-07 is Labour Day, so Tuesday 09-08 is the first day it goes
        assertThat(notices.reminderDue(due, LocalDate.of(2026, 9, 6))).isFalse();
        assertThat(notices.reminderDue(due, LocalDate.of(2026, 9, 7))).isFalse();
        assertThat(notices.reminderDue(due, LocalDate.of(2026, 9, 8))).isTrue();
        assertThat(notices.reminderDue(due, LocalDate.of(2026, 9, 9))).isTrue();
        assertThat(notices.reminderDue(due, due)).as("never on the due date").isFalse();
    }

    @Test
    void aWindowWithNoAllowedDaySendsNoReminder() {
        // due Monday 09-14: window Friday 09-11 .. Sunday 09-13, none allowed
        LocalDate due = LocalDate.of(2026, 9, 14);
        for (LocalDate d = due.minusDays(3); d.isBefore(due); d = d.plusDays(1)) {
            assertThat(notices.reminderDue(due, d)).as(d.toString()).isFalse();
        }
    }

    @Test
    void pastDueWarningTwoDaysAfterTheDueDateNextAllowedDayCatchesUp() {
        LocalDate due = LocalDate.of(2026, 9, 3); // Thursday; + 2 = Saturday 09-05
        assertThat(notices.pastDueWarningDue(due, LocalDate.of(2026, 9, 4))).isFalse();
        assertThat(notices.pastDueWarningDue(due, LocalDate.of(2026, 9, 5))).as("Saturday").isFalse();
        assertThat(notices.pastDueWarningDue(due, LocalDate.of(2026, 9, 7))).as("Labour Day").isFalse();
        assertThat(notices.pastDueWarningDue(due, LocalDate.of(2026, 9, 8))).isTrue();
        assertThat(notices.pastDueWarningDue(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(notices.pastDueWarningDue(LocalDate.of(2027, 12, 21), LocalDate.of(2027, 12, 25))).isFalse();
    }

    @Test
    void usageThresholdsComparedExactlyInBytes() {
        UsageAllowanceAlerts alerts = new UsageAllowanceAlerts(List.of(100, 75, 90));
        BigDecimal included = new BigDecimal("500"); // 500 GB = 500,000,000,000 bytes
        // 75% = 375,000,000,000 bytes: one byte short reaches nothing, exactly reaches 75
        assertThat(alerts.reached(new BigInteger("374999999999"), included)).isEmpty();
        assertThat(alerts.reached(new BigInteger("375000000000"), included)).containsExactly(75);
        // 90% = 450 GB; 100% = 500 GB
        assertThat(alerts.reached(new BigInteger("450000000000"), included)).containsExactly(75, 90);
        assertThat(alerts.reached(new BigInteger("612000000000"), included)).containsExactly(75, 90, 100);
        // 0.5 GB plan: 90% = 450,000,000 bytes
        assertThat(alerts.reached(new BigInteger("450000000"), new BigDecimal("0.500"))).containsExactly(75, 90);
        assertThat(alerts.reached(new BigInteger("999999999999"), null)).isEmpty();
    }
}
