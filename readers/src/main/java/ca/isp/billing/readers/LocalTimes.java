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
        LocalDateTime local = plainSpaced(text);
        if (local == null) {
            try {
                local = LocalDateTime.parse(text, SPACED);
            } catch (DateTimeParseException e) {
                throw new FieldException(column, "not a time (YYYY-MM-DD HH:MM:SS): " + Row.quote(text));
            }
        }
        return candidates(column, local, text, zone);
    }

    /**
     * "2025-11-02 01:10:00" read digit by digit when it is plainly a time (19 characters, day
     * 1 to 28, hour 0 to 23): the formatter's answer without its cost (a call file has three
     * times a line, issue 8's bench). Anything else (a day 29 to 31, hour 24, another shape)
     * returns null and goes to the formatter, whose rules (and refusals) stay the only ones.
     */
    static LocalDateTime plainSpaced(String text) {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The ASCII digits text[from, to) as a number, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The local time's one or two instants in the zone, earlier first; text is for the reason. */
    static List<Instant> candidates(String column, LocalDateTime local, String text, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new FieldException(column, "not a time that exists in " + zone + " (the hour skipped when clocks go "
                    + "forward): is the zone configured the one the file was written in? " + Row.quote(text));
        }
        if (offsets.size() == 1) {
            return List.of(local.toInstant(offsets.get(0)));
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
