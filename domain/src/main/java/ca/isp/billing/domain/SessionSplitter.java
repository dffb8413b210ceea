package ca.isp.billing.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives the bytes of a RADIUS session to the periods (days, usage periods) they were counted in.
 * <p>
 * The rule: between two consecutive readings (the start counts as a reading of 0 and 0), the bytes
 * the counters grew by were counted over that interval, so they go to the period holding it. An
 * interval is half-open, {@code [a, b)}: a reading exactly at a boundary gives its bytes to the
 * period before. An interval that crosses boundaries is shared pro rata by time, in exact
 * integers: of its D bytes, the part ending at boundary c gets floor(D x (c - a) / (b - a)) minus
 * what the parts before it got, and the last part gets the rest. So the parts add up to D, each
 * is within a byte of its exact share, and a fraction of a byte goes to the later period. Bytes
 * reported with no time elapsed ({@code a = b}) go to the period of that moment. Upload and
 * download are shared separately by the same rule.
 * <p>
 * Because the rule is cumulative, splitting by day and then adding the days of a period gives
 * what splitting by the period's own boundaries gives.
 */
public final class SessionSplitter {

    private SessionSplitter() {
    }

    /**
     * The session's traffic in the parts that {@code cuts} (increasing) make: part 0 before the
     * first cut, part i between cut i - 1 and cut i, the last part after the last cut.
     */
    public static List<Traffic> split(RadiusSession session, List<Instant> cuts) {
        for (int i = 1; i < cuts.size(); i++) {
            if (!cuts.get(i).isAfter(cuts.get(i - 1))) {
                throw new IllegalArgumentException("cuts must increase: " + cuts.get(i - 1) + " then " + cuts.get(i));
            }
        }
        long[] upload = new long[cuts.size() + 1];
        long[] download = new long[cuts.size() + 1];
        Instant from = session.start();
        long input = 0;
        long output = 0;
        for (CounterReading reading : session.readings()) {
            share(from, reading.at(), reading.inputOctets() - input, cuts, upload);
            share(from, reading.at(), reading.outputOctets() - output, cuts, download);
            from = reading.at();
            input = reading.inputOctets();
            output = reading.outputOctets();
        }
        List<Traffic> parts = new ArrayList<>(upload.length);
        for (int i = 0; i < upload.length; i++) {
            parts.add(new Traffic(upload[i], download[i]));
        }
        return parts;
    }

    /** The session's traffic by local day in {@code zone}, every day from its start to its last reading. */
    public static SortedMap<LocalDate, Traffic> byDay(RadiusSession session, ZoneId zone) {
        LocalDate first = session.start().atZone(zone).toLocalDate();
        LocalDate last = session.end().atZone(zone).toLocalDate();
        List<Instant> midnights = new ArrayList<>();
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            midnights.add(day.atStartOfDay(zone).toInstant());
        }
        List<Traffic> parts = split(session, midnights);
        SortedMap<LocalDate, Traffic> byDay = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            byDay.put(first.plusDays(i), parts.get(i));
        }
        return byDay;
    }

    /**
     * The local midnights of {@code zone} strictly inside {@code (from, to)}: where an interval
     * counted between two readings is cut into days.
     */
    public static List<Instant> midnightsInside(Instant from, Instant to, ZoneId zone) {
        List<Instant> midnights = new ArrayList<>();
        for (LocalDate day = from.atZone(zone).toLocalDate().plusDays(1); ; day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(zone).toInstant();
            if (!midnight.isBefore(to)) {
                return midnights;
            }
            if (midnight.isAfter(from)) {
                midnights.add(midnight);
            }
        }
    }

    /**
     * An amount counted over {@code [from, to)} (the bytes or seconds between two readings) in the
     * parts that {@code cuts} (increasing, all inside the interval) make, by the rule above: the
     * parts add up to the amount, each within one unit of its share by time.
     */
    public static long[] shareInterval(Instant from, Instant to, long amount, List<Instant> cuts) {
        for (Instant cut : cuts) {
            if (!cut.isAfter(from) || !cut.isBefore(to)) {
                throw new IllegalArgumentException("cut " + cut + " is not inside " + from + ".." + to);
            }
        }
        long[] parts = new long[cuts.size() + 1];
        share(from, to, amount, cuts, parts);
        return parts;
    }

    /** Adds {@code bytes}, counted over {@code [from, to)}, to the parts by the rule above. */
    private static void share(Instant from, Instant to, long bytes, List<Instant> cuts, long[] parts) {
        int part = partOf(from, cuts);
        if (bytes == 0) {
            return;
        }
        if (!to.isAfter(from)) {
            parts[part] += bytes;
            return;
        }
        BigInteger total = BigInteger.valueOf(bytes);
        BigInteger length = nanos(from, to);
        long given = 0;
        while (part < cuts.size() && cuts.get(part).isBefore(to)) {
            long upToCut = total.multiply(nanos(from, cuts.get(part))).divide(length).longValueExact();
            parts[part] += upToCut - given;
            given = upToCut;
            part++;
        }
        parts[part] += bytes - given;
    }

    /** The index of the part holding {@code moment}: the number of cuts at or before it. */
    private static int partOf(Instant moment, List<Instant> cuts) {
        int index = Collections.binarySearch(cuts, moment);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static BigInteger nanos(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return BigInteger.valueOf(duration.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(duration.getNano()));
    }
}
