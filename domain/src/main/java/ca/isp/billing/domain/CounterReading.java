package ca.isp.billing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The counters of a RADIUS session at one moment (an Interim-Update or the Stop), cumulative
 * since the session started: {@code inputOctets} is what the subscriber sent (upload),
 * {@code outputOctets} what it received (download), each gigawords x 2^32 + octets.
 */
public record CounterReading(Instant at, long inputOctets, long outputOctets) {

    public CounterReading {
        Objects.requireNonNull(at, "at");
        if (inputOctets < 0 || outputOctets < 0) {
            throw new IllegalArgumentException("negative counters at " + at + ": " + inputOctets + ", " + outputOctets);
        }
    }
}
