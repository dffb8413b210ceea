package ca.isp.billing.readers;

import ca.isp.billing.domain.SessionUsage;

import java.time.Instant;
import java.util.List;

/**
 * One data session assembled from its accounting records ({@link RadiusSessionAssembler}).
 *
 * @param start          when it began: its first record's time minus that record's session time
 * @param lastUpdate     the time of the latest record counted
 * @param end            when it ended (its Stop, or its last record when its NAS restarted), null while open
 * @param uploadBytes    what the subscriber sent, from the session's last counters
 * @param downloadBytes  what it received, from the same record
 * @param sessionSeconds Acct-Session-Time of the same record
 * @param readings       the records counted, in time order: the counters at each update, for
 *                       splitting a session across the end of a period
 * @param records        how many records the session had in all
 * @param ignored        of those, how many changed nothing because they came after its end (a
 *                       Stop sent again, an interim delayed past the Stop)
 */
public record RadiusSession(String nasIp, String sessionId, String uniqueId, String userName, String realm,
                            String framedIp, Instant start, Instant lastUpdate, Instant end, EndedBy endedBy,
                            long uploadBytes, long downloadBytes, long sessionSeconds,
                            List<SessionUsage.Reading> readings, int records, int ignored) {

    /** How the session ended, as far as the records say. */
    public enum EndedBy {
        /** No end yet: billed on its last counters so far, and again when more come. */
        OPEN,
        /** Its Stop. */
        STOP,
        /** Its NAS sent Accounting-On (it restarted) after the session's last record. */
        NAS_RESTART,
        /** Its NAS sent Accounting-Off (it shut down) after the session's last record. */
        NAS_SHUTDOWN
    }

    public RadiusSession {
        readings = List.copyOf(readings);
    }
}
