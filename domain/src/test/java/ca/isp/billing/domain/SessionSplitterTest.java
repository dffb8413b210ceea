package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked splits of RADIUS sessions over days and usage periods (the rule is in
 * {@link SessionSplitter}), and properties: the parts always add up to the session's counters
 * exactly, each is within a byte of its share by time, and days added up into periods give what
 * splitting at the periods' boundaries gives.
 */
class SessionSplitterTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    static final long GIGAWORD = 1L << 32;

    @Test
    void aSessionWithinADayStaysWhole() {
        RadiusSession session = session("2026-10-05T10:00", reading("2026-10-05T10:05", 1000, 5000),
                reading("2026-10-05T11:00", 3000, 9000));

        assertThat(SessionSplitter.byDay(session, UTC)).isEqualTo(Map.of(day("2026-10-05"), new Traffic(3000, 9000)));
    }

    @Test
    void theIntervalAcrossMidnightIsSharedByTime() {
        // 23:50 -> 00:20 is 30 min, 10 of them before midnight; it counted 3000 up, 30000 down:
        // up 3000 x 10 / 30 = 1000 before, 2000 after; down 30000 x 10 / 30 = 10000 before, 20000 after.
        // The interval before (23:00 -> 23:50: 6000 up, 60000 down) is wholly October's.
        RadiusSession session = session("2026-10-31T23:00", reading("2026-10-31T23:50", 6000, 60000),
                reading("2026-11-01T00:20", 9000, 90000));

        assertThat(SessionSplitter.byDay(session, UTC)).containsExactly(
                Map.entry(day("2026-10-31"), new Traffic(7000, 70000)),
                Map.entry(day("2026-11-01"), new Traffic(2000, 20000)));
    }

    @Test
    void aFractionOfAByteGoesToTheLaterPeriod() {
        // 10 bytes over 3 s, 1 s before midnight: floor(10 x 1 / 3) = 3 before, 7 after
        assertThat(SessionSplitter.byDay(session("2026-10-31T23:59:59", reading("2026-11-01T00:00:02", 10, 0)), UTC)
                .values()).containsExactly(new Traffic(3, 0), new Traffic(7, 0));
        // 10 bytes over 3 s, 2 s before: floor(10 x 2 / 3) = floor(6.67) = 6 before, 4 after
        assertThat(SessionSplitter.byDay(session("2026-10-31T23:59:58", reading("2026-11-01T00:00:01", 10, 0)), UTC)
                .values()).containsExactly(new Traffic(6, 0), new Traffic(4, 0));
        // 1 byte over 2 s, half of it before: floor(1 x 1 / 2) = 0 before, 1 after
        assertThat(SessionSplitter.byDay(session("2026-10-31T23:59:59", reading("2026-11-01T00:00:01", 1, 0)), UTC)
                .values()).containsExactly(new Traffic(0, 0), new Traffic(1, 0));
    }

    @Test
    void aReadingAtMidnightSplitsWithoutProrating() {
        // [23:30, 00:00) is October's whole; [00:00, 00:30) November's
        RadiusSession session = session("2026-10-31T23:30", reading("2026-11-01T00:00", 500, 700),
                reading("2026-11-01T00:30", 800, 1000));

        assertThat(SessionSplitter.byDay(session, UTC).values())
                .containsExactly(new Traffic(500, 700), new Traffic(300, 300));
    }

    @Test
    void noInterimForDaysSpreadsOverEachDayByTime() {
        // 48 h, Oct 30 12:00 -> Nov 1 12:00: 12 h, 24 h, 12 h.
        // 4800 up: 1200, 2400, 1200. 7 down: floor(7 x 12/48) = 1; floor(7 x 36/48) = floor(5.25) = 5, 5 - 1 = 4; 7 - 5 = 2
        RadiusSession session = session("2026-10-30T12:00", reading("2026-11-01T12:00", 4800, 7));

        assertThat(SessionSplitter.byDay(session, UTC)).containsExactly(
                Map.entry(day("2026-10-30"), new Traffic(1200, 1)),
                Map.entry(day("2026-10-31"), new Traffic(2400, 4)),
                Map.entry(day("2026-11-01"), new Traffic(1200, 2)));
    }

    @Test
    void theDaylightSavingChangeMakesA25HourDay() {
        // Montréal leaves daylight saving on Sunday 2026-11-01 at 02:00 EDT (-> 01:00 EST): that day has 25 h.
        // Oct 31 12:00 EDT (16:00Z) -> Nov 2 12:00 EST (17:00Z) = 49 h: 12 h, 25 h, 12 h of 4900 bytes
        RadiusSession session = new RadiusSession("s", Instant.parse("2026-10-31T16:00:00Z"),
                List.of(new CounterReading(Instant.parse("2026-11-02T17:00:00Z"), 4900, 0)));

        assertThat(SessionSplitter.byDay(session, MONTREAL)).containsExactly(
                Map.entry(day("2026-10-31"), new Traffic(1200, 0)),
                Map.entry(day("2026-11-01"), new Traffic(2500, 0)),
                Map.entry(day("2026-11-02"), new Traffic(1200, 0)));
    }

    @Test
    void countersPastFourGibAreExact() {
        // 3 gigawords + 5 octets up = 12,884,901,893; 10 gigawords down = 42,949,672,960, over 2 h, 1 h in each day.
        // up: floor(12,884,901,893 / 2) = 6,442,450,946 before, 6,442,450,947 after; down: half each
        long up = 3 * GIGAWORD + 5;
        long down = 10 * GIGAWORD;
        RadiusSession session = session("2026-10-31T23:00", reading("2026-11-01T01:00", up, down));

        assertThat(SessionSplitter.byDay(session, UTC).values()).containsExactly(
                new Traffic(6_442_450_946L, 21_474_836_480L), new Traffic(6_442_450_947L, 21_474_836_480L));
    }

    @Test
    void usagePeriodsCutWhereTheyEnd() {
        // usage periods Oct 15 - Nov 15 and from Nov 15 (bill day 15), cut at 2026-11-15T00:00 in Montréal (05:00Z)
        RadiusSession session = new RadiusSession("s", Instant.parse("2026-11-15T04:00:00Z"),
                List.of(new CounterReading(Instant.parse("2026-11-15T04:30:00Z"), 100, 1000),
                        new CounterReading(Instant.parse("2026-11-15T05:30:00Z"), 300, 3000)));
        // 04:30 -> 05:30 counted 200 up, 2000 down, half before the cut: 100 / 1000 each side
        assertThat(SessionSplitter.split(session, List.of(LocalDate.parse("2026-11-15").atStartOfDay(MONTREAL)
                .toInstant()))).containsExactly(new Traffic(200, 2000), new Traffic(100, 1000));
    }

    @Test
    void readingsAreTakenInTimeOrderAndBytesWithNoTimeGoToTheirMoment() {
        // the interim at 00:10 arrives after the Stop at 00:20: put in order, it is the same session
        RadiusSession late = session("2026-10-31T23:50", reading("2026-11-01T00:20", 300, 0),
                reading("2026-11-01T00:10", 200, 0));
        // 23:50 -> 00:10 counted 200, half before midnight: 100 / 100; 00:10 -> 00:20: 100 after
        assertThat(SessionSplitter.byDay(late, UTC).values()).containsExactly(new Traffic(100, 0), new Traffic(200, 0));

        // a Stop at the very moment of the last interim with more bytes: they go to that moment's day
        RadiusSession same = session("2026-10-31T23:00", reading("2026-11-01T00:00", 100, 0),
                reading("2026-11-01T00:00", 150, 0));
        assertThat(SessionSplitter.byDay(same, UTC).values()).containsExactly(new Traffic(100, 0), new Traffic(50, 0));
    }

    @Test
    void countersThatGoDownAreRefused() {
        assertThatThrownBy(() -> session("2026-10-31T23:00", reading("2026-10-31T23:10", 100, 50),
                reading("2026-10-31T23:20", 90, 60)))
                .hasMessage("session s: counters go down from 100/50 at 2026-10-31T23:10:00Z to 90/60 at "
                        + "2026-10-31T23:20:00Z");
        assertThatThrownBy(() -> session("2026-10-31T23:00", reading("2026-10-31T22:59", 1, 1)))
                .hasMessageContaining("is before its start");
    }

    /** Property: whatever the session and the cuts, the parts add up exactly and each is within a byte of its share. */
    @Test
    void partsAddUpToTheSessionExactly() {
        for (int seed = 0; seed < 2000; seed++) {
            Random random = new Random(seed);
            Instant start = Instant.parse("2026-10-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000));
            List<CounterReading> readings = new ArrayList<>();
            Instant at = start;
            long up = 0;
            long down = 0;
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                at = at.plusMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(200_000_000));
                up += random.nextInt(3) == 0 ? 0 : Math.abs(random.nextLong() % (50 * GIGAWORD));
                down += Math.abs(random.nextLong() % (200 * GIGAWORD));
                readings.add(new CounterReading(at, up, down));
            }
            RadiusSession session = new RadiusSession("s" + seed, start, readings);
            List<Instant> cuts = new ArrayList<>();
            Instant cut = start.minusSeconds(random.nextInt(100_000));
            for (int i = random.nextInt(8); i > 0; i--) {
                cut = cut.plusMillis(1 + random.nextInt(150_000_000));
                cuts.add(cut);
            }

            List<Traffic> parts = SessionSplitter.split(session, cuts);

            assertThat(parts).as("seed " + seed).hasSize(cuts.size() + 1);
            assertThat(parts.stream().reduce(Traffic.NONE, Traffic::plus)).as("seed " + seed)
                    .isEqualTo(session.traffic());
            if (readings.size() == 1) { // one interval: each part within a byte of D x its time / the whole time
                assertWithinAByteOfItsShare(session, cuts, parts, seed);
            }
        }
    }

    /** Property: days added up into usage periods = split at the periods' boundaries (the rule is cumulative). */
    @Test
    void daysAddedIntoPeriodsGiveWhatThePeriodsGive() {
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            Instant start = LocalDateTime.parse("2026-10-10T00:00").atZone(MONTREAL).toInstant()
                    .plusSeconds(random.nextInt(40 * 86_400));
            List<CounterReading> readings = new ArrayList<>();
            Instant at = start;
            long up = 0;
            long down = 0;
            for (int i = random.nextInt(5); i >= 0; i--) {
                at = at.plusSeconds(random.nextInt(5 * 86_400));
                up += Math.abs(random.nextLong() % (20 * GIGAWORD));
                down += Math.abs(random.nextLong() % (90 * GIGAWORD));
                readings.add(new CounterReading(at, up, down));
            }
            RadiusSession session = new RadiusSession("s" + seed, start, readings);
            // usage periods on bill day 15: ..Oct 15, Oct 15 - Nov 15, Nov 15 - Dec 15, Dec 15..
            List<LocalDate> periodStarts = List.of(day("2026-10-15"), day("2026-11-15"), day("2026-12-15"));

            SortedMap<LocalDate, Traffic> periodsFromDays = new TreeMap<>();
            SessionSplitter.byDay(session, MONTREAL).forEach((day, traffic) -> periodsFromDays.merge(
                    periodStarts.stream().filter(s -> !s.isAfter(day)).reduce((a, b) -> b).orElse(LocalDate.MIN),
                    traffic, Traffic::plus));
            List<Traffic> periods = SessionSplitter.split(session,
                    periodStarts.stream().map(d -> d.atStartOfDay(MONTREAL).toInstant()).toList());

            for (int i = 0; i < periods.size(); i++) {
                LocalDate key = i == 0 ? LocalDate.MIN : periodStarts.get(i - 1);
                assertThat(periodsFromDays.getOrDefault(key, Traffic.NONE)).as("seed " + seed + ", period " + i)
                        .isEqualTo(periods.get(i));
            }
        }
    }

    private static void assertWithinAByteOfItsShare(RadiusSession session, List<Instant> cuts, List<Traffic> parts,
                                                    int seed) {
        CounterReading only = session.readings().get(0);
        BigDecimal whole = BigDecimal.valueOf(Duration.between(session.start(), only.at()).toNanos());
        if (whole.signum() == 0) {
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            Instant from = i == 0 ? session.start() : max(session.start(), cuts.get(i - 1));
            Instant to = i == cuts.size() ? only.at() : min(only.at(), cuts.get(i));
            BigDecimal time = to.isAfter(from) ? BigDecimal.valueOf(Duration.between(from, to).toNanos()) : BigDecimal.ZERO;
            BigDecimal share = BigDecimal.valueOf(only.inputOctets()).multiply(time).divide(whole, 6, RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(parts.get(i).uploadBytes()).subtract(share).abs())
                    .as("seed " + seed + ", part " + i).isLessThan(BigDecimal.ONE);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static RadiusSession session(String startUtc, CounterReading... readings) {
        return new RadiusSession("s", instant(startUtc), List.of(readings));
    }

    static CounterReading reading(String atUtc, long up, long down) {
        return new CounterReading(instant(atUtc), up, down);
    }

    static Instant instant(String utc) {
        return LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC);
    }

    @Test
    void oneIntervalBetweenTwoReadingsIsCutAtTheLocalMidnightsInsideIt() {
        // Montreal, 2026-03-07 23:00 EST (04:00Z) to 2026-03-09 01:00 EDT (05:00Z): 25 h elapsed. Clocks
        // went forward at 02:00 on the 8th, so Mar 8 is a 23 h day. Midnights inside: Mar 8 00:00 EST
        // (05:00Z, 1 h in) and Mar 9 00:00 EDT (04:00Z, 24 h in). 5000 bytes:
        // floor(5000 x 1 / 25) = 200 to Mar 7; floor(5000 x 24 / 25) = 4800, minus 200 = 4600 to Mar 8
        // (its 23 h); the rest, 5000 - 4800 = 200, to Mar 9.
        Instant from = Instant.parse("2026-03-08T04:00:00Z");
        Instant to = Instant.parse("2026-03-09T05:00:00Z");
        List<Instant> cuts = SessionSplitter.midnightsInside(from, to, MONTREAL);

        assertThat(cuts).containsExactly(Instant.parse("2026-03-08T05:00:00Z"), Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(SessionSplitter.shareInterval(from, to, 5000, cuts)).containsExactly(200, 4600, 200);
    }

    @Test
    void aReadingExactlyAtMidnightCutsNothing() {
        // 22:00 -> 00:00: the bytes were all counted on the day before; a cut at the interval's own
        // start or end is no cut
        Instant from = Instant.parse("2026-10-31T22:00:00Z");
        Instant midnight = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(SessionSplitter.midnightsInside(from, midnight, UTC)).isEmpty();
        assertThat(SessionSplitter.midnightsInside(midnight, midnight.plusSeconds(60), UTC)).isEmpty();
        assertThatThrownBy(() -> SessionSplitter.shareInterval(from, midnight, 10, List.of(midnight)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside");
    }

    static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
