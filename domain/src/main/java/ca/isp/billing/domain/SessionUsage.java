package ca.isp.billing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a data session used, from its accounting records (RADIUS Start, Interim-Update, Stop).
 * A NAS's counters are cumulative from the start of the session: each record says how much in
 * total so far, so the usage is the last reading, never the sum of the readings (five interims
 * of 1 GB, 2 GB, 3 GB, 4 GB, 5 GB are 5 GB, not 15).
 *
 * <p>"Last" is the Stop when there is one: the NAS's final count. A Stop sent again (a
 * retransmission) or an interim that arrives after the Stop (delayed on the way) changes
 * nothing. Without a Stop (the session is still open, or the NAS rebooted and never sent it),
 * it is the reading with the latest time; of two at the same time, the one that counted more.
 */
public final class SessionUsage {

    /** One record's cumulative counters: bytes up (from the subscriber), bytes down, seconds. */
    public record Reading(Instant at, boolean stop, long uploadBytes, long downloadBytes, long seconds) {

        public Reading {
            Objects.requireNonNull(at, "at");
            if (uploadBytes < 0 || downloadBytes < 0 || seconds < 0) {
                throw new IllegalArgumentException("negative counter: " + uploadBytes + " up, " + downloadBytes
                        + " down, " + seconds + " s");
            }
        }

        long bytes() {
            return uploadBytes + downloadBytes;
        }
    }

    private SessionUsage() {
    }

    /** The reading that is the session's usage, of the readings in the order they were received. */
    public static Reading last(List<Reading> received) {
        if (received.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one reading");
        }
        Reading latest = null;
        for (Reading reading : received) {
            if (reading.stop()) {
                return reading; // the first Stop received: the final count
            }
            if (latest == null || reading.at().isAfter(latest.at())
                    || (reading.at().equals(latest.at()) && reading.bytes() > latest.bytes())) {
                latest = reading;
            }
        }
        return latest;
    }
}
