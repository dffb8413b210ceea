package ca.isp.billing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One RADIUS accounting session as the reader keeps it: when it started (counters 0 then) and
 * its readings (interims and the Stop), put in time order. The session's usage is its last
 * reading, never a sum of readings. Counters never go down: a reading lower than an earlier one
 * (a late interim mixed up with another session, a counter that wrapped without its gigawords) is
 * refused rather than guessed at.
 */
public record RadiusSession(String sessionId, Instant start, List<CounterReading> readings) {

    public RadiusSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(start, () -> "session " + sessionId + ": start is required");
        List<CounterReading> ordered = new ArrayList<>(readings);
        ordered.sort(Comparator.comparing(CounterReading::at));
        CounterReading previous = new CounterReading(start, 0, 0);
        for (CounterReading reading : ordered) {
            if (reading.at().isBefore(start)) {
                throw new IllegalArgumentException("session " + sessionId + ": reading at " + reading.at()
                        + " is before its start " + start);
            }
            if (reading.inputOctets() < previous.inputOctets() || reading.outputOctets() < previous.outputOctets()) {
                throw new IllegalArgumentException("session " + sessionId + ": counters go down from "
                        + previous.inputOctets() + "/" + previous.outputOctets() + " at " + previous.at() + " to "
                        + reading.inputOctets() + "/" + reading.outputOctets() + " at " + reading.at());
            }
            previous = reading;
        }
        readings = List.copyOf(ordered);
    }

    /** The session's usage: its last counters. */
    public Traffic traffic() {
        if (readings.isEmpty()) {
            return Traffic.NONE;
        }
        CounterReading last = readings.get(readings.size() - 1);
        return new Traffic(last.inputOctets(), last.outputOctets());
    }

    /** The moment of the last reading (the start when there is none). */
    public Instant end() {
        return readings.isEmpty() ? start : readings.get(readings.size() - 1).at();
    }
}
