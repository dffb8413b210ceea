package ca.isp.billing.readers;

import ca.isp.billing.domain.SessionUsage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns accounting records (of one file or several: a session runs over midnight into the next
 * day's file) into sessions. The records of a session share its Acct-Unique-Session-Id.
 *
 * <ul>
 * <li>Usage is the session's last counters ({@link SessionUsage#last}): the Stop, else the latest
 *     update. A Stop sent again and an interim that arrives after the Stop change nothing and are
 *     counted as ignored.
 * <li>A NAS that restarts (Accounting-On) or shuts down (Accounting-Off) has lost its sessions
 *     without sending their Stops: each session of that NAS with no Stop whose last record is
 *     before the restart ends there, at its last known counters. A session with records after
 *     the Accounting-On was not lost (some NAS send one when their RADIUS settings are reloaded)
 *     and goes on.
 * <li>A session with neither stays open, billed on its counters so far.
 * </ul>
 */
public final class RadiusSessionAssembler {

    private RadiusSessionAssembler() {
    }

    /** The sessions of the records, in the order their first records came. */
    public static List<RadiusSession> assemble(List<RadiusRecord> records) {
        Map<String, List<RadiusRecord>> bySession = new LinkedHashMap<>();
        Map<String, List<RadiusRecord>> nasEvents = new LinkedHashMap<>();
        for (RadiusRecord record : records) {
            if (record.status().isSession()) {
                bySession.computeIfAbsent(record.uniqueId(), id -> new ArrayList<>()).add(record);
            } else {
                nasEvents.computeIfAbsent(record.nasIp(), nas -> new ArrayList<>()).add(record);
            }
        }
        nasEvents.values().forEach(events -> events.sort(Comparator.comparing(RadiusRecord::eventTime)));
        List<RadiusSession> sessions = new ArrayList<>(bySession.size());
        for (List<RadiusRecord> session : bySession.values()) {
            sessions.add(assemble(session, nasEvents.getOrDefault(session.get(0).nasIp(), List.of())));
        }
        return sessions;
    }

    private static RadiusSession assemble(List<RadiusRecord> received, List<RadiusRecord> nasEvents) {
        // what came after the first Stop changes nothing
        int counted = received.size();
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).status() == AcctStatusType.STOP) {
                counted = i + 1;
                break;
            }
        }
        List<SessionUsage.Reading> readings = new ArrayList<>(counted);
        Instant start = null;
        String framedIp = null;
        for (RadiusRecord record : received.subList(0, counted)) {
            readings.add(new SessionUsage.Reading(record.eventTime(), record.status() == AcctStatusType.STOP,
                    record.uploadBytes(), record.downloadBytes(), record.sessionSeconds()));
            Instant began = record.eventTime().minusSeconds(record.sessionSeconds());
            start = start == null || began.isBefore(start) ? began : start;
            framedIp = framedIp == null ? record.framedIp() : framedIp;
        }
        SessionUsage.Reading last = SessionUsage.last(readings);
        readings.sort(Comparator.comparing(SessionUsage.Reading::at));
        Instant lastUpdate = readings.get(readings.size() - 1).at();

        RadiusSession.EndedBy endedBy = RadiusSession.EndedBy.OPEN;
        Instant end = null;
        if (last.stop()) {
            endedBy = RadiusSession.EndedBy.STOP;
            end = last.at();
        } else {
            for (RadiusRecord event : nasEvents) {
                if (!event.eventTime().isBefore(lastUpdate)) {
                    endedBy = event.status() == AcctStatusType.ACCOUNTING_ON
                            ? RadiusSession.EndedBy.NAS_RESTART : RadiusSession.EndedBy.NAS_SHUTDOWN;
                    end = last.at();
                    break;
                }
            }
        }
        RadiusRecord first = received.get(0);
        return new RadiusSession(first.nasIp(), first.sessionId(), first.uniqueId(), first.userName(), first.realm(),
                framedIp, start, lastUpdate, end, endedBy, last.uploadBytes(), last.downloadBytes(), last.seconds(),
                readings, received.size(), received.size() - counted);
    }
}
