package ca.isp.billing.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An outgoing call of a subscription, as the equipment reports it: the number dialled, when it
 * started (the ISP's local time), the talk time in seconds (answer to hang-up) and whether it was
 * answered. {@code callId} orders calls that start in the same second.
 */
public record Call(String callId, String destination, LocalDateTime start, long talkSeconds, boolean answered) {

    public Call {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(start, () -> "call " + callId + ": start is required");
        if (talkSeconds < 0) {
            throw new IllegalArgumentException("call " + callId + ": negative talk time " + talkSeconds);
        }
    }

    public static Call answered(String callId, String destination, String start, long talkSeconds) {
        return new Call(callId, destination, LocalDateTime.parse(start), talkSeconds, true);
    }

    public static Call unanswered(String callId, String destination, String start) {
        return new Call(callId, destination, LocalDateTime.parse(start), 0, false);
    }
}
