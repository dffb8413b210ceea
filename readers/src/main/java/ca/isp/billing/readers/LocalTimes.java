package ca.isp.billing.readers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Local times written by equipment in its own zone ("2025-11-02 01:10:00", no offset) as
 * instants. Twice a year a local time is not one instant: in autumn the hour before the change
 * happens twice (two candidates), in spring it is skipped (none: a file that has one was not
 * written in the zone configured, so it is refused rather than guessed). The caller picks among
 * two candidates with what else the record says (a duration, an abbreviation, a server time).
 */
final class LocalTimes {

    /** Asterisk's and FreeSWITCH's "%Y-%m-%d %T". */
    static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private LocalTimes() {
    }

    /** "2025-11-02 01:10:00" in the zone: its one or two instants, earlier first. */
    static List<Instant> candidates(String column, String text, ZoneId zone) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text, SPACED);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "not a time (YYYY-MM-DD HH:MM:SS): " + Row.quote(text));
        }
        return candidates(column, local, text, zone);
    }

    /** The local time's one or two instants in the zone, earlier first; text is for the reason. */
    static List<Instant> candidates(String column, LocalDateTime local, String text, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new FieldException(column, "not a time that exists in " + zone + " (the hour skipped when clocks go "
                    + "forward): is the zone configured the one the file was written in? " + Row.quote(text));
        }
        // getValidOffsets gives the summer offset first: the earlier of the two instants
        return offsets.stream().map(local::toInstant).sorted().toList();
    }

    /** The candidate nearest to the expected instant; the earlier on a tie. */
    static Instant nearest(List<Instant> candidates, Instant expected) {
        Instant best = candidates.get(0);
        for (Instant candidate : candidates) {
            if (distance(candidate, expected).compareTo(distance(best, expected)) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static Duration distance(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }
}
