package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked sessions; the ones the real server wrote are in {@link FreeRadiusFixturesTest}. */
class RadiusSessionAssemblerTest {

    private static final Instant NINE = Instant.parse("2025-11-04T14:00:00Z"); // 09:00 EST

    private static RadiusRecord record(String nas, String session, AcctStatusType status, int minutes, long up,
                                       long down) {
        return new RadiusRecord(nas, status, session, nas + ":" + session, "user-" + session, null, null,
                NINE.plusSeconds(60L * minutes), up, down, 60L * minutes, null, "detail-20251104", 1);
    }

    private static RadiusRecord nas(String nas, AcctStatusType status, int minutes) {
        return new RadiusRecord(nas, status, null, null, null, null, null, NINE.plusSeconds(60L * minutes), 0, 0, 0,
                null, "detail-20251104", 1);
    }

    @Test
    void aSessionWithNoStopStaysOpenOnItsLatestCounters() {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(List.of(
                record("a", "1", AcctStatusType.START, 0, 0, 0),
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 10, 200, 2_000),
                // delayed: counted before the 10-minute interim, received after it
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 5, 100, 1_000)));

        RadiusSession session = sessions.get(0);
        assertThat(session.endedBy()).isEqualTo(RadiusSession.EndedBy.OPEN);
        assertThat(session.end()).isNull();
        assertThat(session.uploadBytes()).isEqualTo(200);
        assertThat(session.downloadBytes()).isEqualTo(2_000);
        assertThat(session.lastUpdate()).isEqualTo(NINE.plusSeconds(600));
        assertThat(session.readings()).extracting(r -> r.uploadBytes()).containsExactly(0L, 100L, 200L);
    }

    @Test
    void aSessionWhoseStartWasLostBeganItsSessionTimeBeforeItsFirstRecord() {
        RadiusSession session = RadiusSessionAssembler.assemble(List.of(
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 30, 300, 3_000))).get(0);

        // 09:30 minus 1,800 s of session time
        assertThat(session.start()).isEqualTo(NINE);
    }

    @Test
    void aRestartClosesOnlyTheSessionsOfItsNasThatItFollows() {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(List.of(
                nas("b", AcctStatusType.ACCOUNTING_ON, 0),                          // before everything: closes nothing
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 10, 100, 1_000),   // another NAS
                record("b", "2", AcctStatusType.INTERIM_UPDATE, 10, 200, 2_000),   // lost in the restart at 20
                record("b", "3", AcctStatusType.INTERIM_UPDATE, 10, 300, 3_000),
                nas("b", AcctStatusType.ACCOUNTING_ON, 20),
                record("b", "3", AcctStatusType.INTERIM_UPDATE, 25, 350, 3_500),   // not lost: goes on after 20
                record("b", "4", AcctStatusType.START, 30, 0, 0)));                // began after the restart

        assertThat(sessions).extracting(RadiusSession::sessionId, RadiusSession::endedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", RadiusSession.EndedBy.OPEN),
                org.assertj.core.groups.Tuple.tuple("2", RadiusSession.EndedBy.NAS_RESTART),
                org.assertj.core.groups.Tuple.tuple("3", RadiusSession.EndedBy.OPEN),
                org.assertj.core.groups.Tuple.tuple("4", RadiusSession.EndedBy.OPEN));
        RadiusSession lost = sessions.get(1);
        // ends at its last record, 09:10, with its counters then: nothing is invented up to 09:20
        assertThat(lost.end()).isEqualTo(NINE.plusSeconds(600));
        assertThat(lost.uploadBytes()).isEqualTo(200);
        assertThat(sessions.get(2).uploadBytes()).isEqualTo(350);
    }

    @Test
    void aShutdownClosesLikeARestart() {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(List.of(
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 10, 100, 1_000),
                nas("a", AcctStatusType.ACCOUNTING_OFF, 60)));

        assertThat(sessions.get(0).endedBy()).isEqualTo(RadiusSession.EndedBy.NAS_SHUTDOWN);
    }

    @Test
    void aStopEndsTheSessionAndWhatFollowsItIsIgnored() {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(List.of(
                record("a", "1", AcctStatusType.START, 0, 0, 0),
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 5, 100, 1_000),
                record("a", "1", AcctStatusType.STOP, 12, 300, 3_000),
                record("a", "1", AcctStatusType.STOP, 12, 300, 3_000),
                record("a", "1", AcctStatusType.INTERIM_UPDATE, 11, 280, 2_800),
                nas("a", AcctStatusType.ACCOUNTING_ON, 30)));

        RadiusSession session = sessions.get(0);
        assertThat(session.endedBy()).isEqualTo(RadiusSession.EndedBy.STOP);
        assertThat(session.end()).isEqualTo(NINE.plusSeconds(720));
        assertThat(session.uploadBytes()).isEqualTo(300);
        assertThat(session.records()).isEqualTo(5);
        assertThat(session.ignored()).isEqualTo(2);
        assertThat(session.readings()).hasSize(3);
    }

    @Test
    void sessionsOfSeveralFilesAreOneWhenTheyShareTheirUniqueId() {
        // the same session over midnight: its Stop in the next day's file
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(List.of(
                record("a", "1", AcctStatusType.START, 0, 0, 0),
                record("a", "2", AcctStatusType.START, 1, 0, 0),
                record("a", "1", AcctStatusType.STOP, 900, 5L << 32, 7L << 32)));

        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).uploadBytes()).isEqualTo(21_474_836_480L);
        assertThat(sessions.get(0).downloadBytes()).isEqualTo(30_064_771_072L);
    }
}
