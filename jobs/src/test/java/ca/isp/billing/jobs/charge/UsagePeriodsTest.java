package ca.isp.billing.jobs.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.BillingAnchor;

/** Usage in arrears is summed per account period, and the periods follow the bill-day anchor. */
class UsagePeriodsTest {

    @Test
    void periodsOfBillDay31FollowTheAnchorNotAClampedDate() {
        TreeMap<LocalDate, BigInteger[]> days = new TreeMap<>();
        days.put(LocalDate.of(2026, 2, 27), new BigInteger[] {BigInteger.ONE, BigInteger.ZERO});
        days.put(LocalDate.of(2026, 3, 30), new BigInteger[] {BigInteger.TWO, BigInteger.ZERO});
        days.put(LocalDate.of(2026, 3, 31), new BigInteger[] {BigInteger.TEN, BigInteger.ZERO});

        // next bill date Apr 30 on bill day 31: periods Mar 31 - Apr 29, Feb 28 - Mar 30, Jan 31 - Feb 27
        // (counting back a month from Apr 30 gives Mar 30, a clamped date: Mar 30 would land in April's)
        var periods = DueAccountReader.byPeriod(days, LocalDate.of(2026, 4, 30), BillingAnchor.of(31));

        assertThat(periods).extracting(p -> p.period().start() + ".." + p.period().lastDay() + " " + p.dataBytes())
                .containsExactly("2026-01-31..2026-02-27 1", "2026-02-28..2026-03-30 2", "2026-03-31..2026-04-29 10");
    }

    @Test
    void aBillDayChangeEndsAPeriodOnItsDate() {
        TreeMap<LocalDate, BigInteger[]> days = new TreeMap<>();
        days.put(LocalDate.of(2026, 3, 5), new BigInteger[] {BigInteger.ZERO, BigInteger.ONE});
        days.put(LocalDate.of(2026, 3, 12), new BigInteger[] {BigInteger.ZERO, BigInteger.TWO});

        // from the 1st to the 10th from Mar 10: the period before Mar 10 starts on the old day, Mar 1
        var periods = DueAccountReader.byPeriod(days, LocalDate.of(2026, 4, 10),
                BillingAnchor.of(1).changedFrom(LocalDate.of(2026, 3, 10), 10));

        assertThat(periods).extracting(p -> p.period().start() + ".." + p.period().lastDay() + " " + p.voiceMinutes())
                .containsExactly("2026-03-01..2026-03-09 1", "2026-03-10..2026-04-09 2");
    }
}
