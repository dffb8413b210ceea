package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail files FreeRADIUS 3.2.1 wrote for the packets of
 * src/test/resources/fixtures/freeradius/make-fixtures.sh: the bytes per user are exactly the
 * traffic the script sent (README.md there).
 */
class FreeRadiusFixturesTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final long GIGAWORD = 1L << 32;

    static Path fixtures() {
        try {
            return Path.of(FreeRadiusFixturesTest.class.getResource("/fixtures/freeradius").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every detail file of both NAS folders, in name order, read whole. */
    static List<RadiusRecord> readAll(FreeRadiusDetailReader.Settings settings) throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.walk(fixtures())) {
            files = found.filter(path -> path.getFileName().toString().startsWith("detail-")).sorted().toList();
        }
        assertThat(files).hasSize(4);
        List<RadiusRecord> records = new ArrayList<>();
        for (Path file : files) {
            try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, FilePosition.START, settings)) {
                reader.forEachRemaining(parsed -> records.add(((Parsed.Ok<RadiusRecord>) parsed).row()));
                assertThat(reader.position().offset()).isEqualTo(Files.size(file));
            }
        }
        return records;
    }

    /** Upload and download bytes per user name, summed over the user's sessions. */
    static Map<String, List<BigInteger>> bytesPerUser(List<RadiusSession> sessions) {
        Map<String, List<BigInteger>> perUser = new TreeMap<>();
        for (RadiusSession session : sessions) {
            perUser.merge(session.userName(),
                    List.of(BigInteger.valueOf(session.uploadBytes()), BigInteger.valueOf(session.downloadBytes())),
                    (a, b) -> List.of(a.get(0).add(b.get(0)), a.get(1).add(b.get(1))));
        }
        return perUser;
    }

    static List<BigInteger> bytes(long upload, long download) {
        return List.of(BigInteger.valueOf(upload), BigInteger.valueOf(download));
    }

    @Test
    void everyRecordTheServerWroteIsRead() throws IOException {
        List<RadiusRecord> records = readAll(FreeRadiusDetailReader.Settings.of(TORONTO));

        // NAS A: alice 6 + bob 3 on the 1st, bob 1 + carol 4 on the 2nd, frank 3 + Accounting-Off on the 3rd;
        // NAS B: dave 5 + erin 2 + Accounting-On on the 3rd
        assertThat(records).hasSize(26);
        assertThat(records).filteredOn(r -> r.status() == AcctStatusType.ACCOUNTING_ON).singleElement()
                .satisfies(on -> {
                    assertThat(on.nasIp()).isEqualTo("127.0.0.20");
                    assertThat(on.eventTime()).isEqualTo(Instant.parse("2025-11-03T14:20:00Z"));
                });
    }

    @Test
    void bytesPerUserAreExactlyWhatTheScriptSent() throws IOException {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(readAll(FreeRadiusDetailReader.Settings.of(TORONTO)));

        assertThat(bytesPerUser(sessions)).containsExactlyInAnyOrderEntriesOf(Map.of(
                // its Stop; the Stop sent again and the late interim change nothing
                "alice@fibre.example", bytes(3_000_017, 61_234_567),
                // 1 x 2^32 + 123,456,789 and 5 x 2^32 + 987,654,321
                "bob", bytes(4_418_424_085L, 22_462_490_801L),
                "carol@dsl.example", bytes(12_345_678, 234_567_890),
                // 1,500,000 + 2,000,000 and 21,000,000 + 30,000,000: the session ended by the reboot at its 09:10 interim
                "dave", bytes(3_500_000, 51_000_000),
                "erin@fibre.example", bytes(250_000, 3_100_000),
                "frank", bytes(300_000_000, 3_500_000_000L)));
        assertThat(4_418_424_085L).isEqualTo(GIGAWORD + 123_456_789L);
        assertThat(22_462_490_801L).isEqualTo(5 * GIGAWORD + 987_654_321L);
    }

    @Test
    void withRealmsStrippedTheSameBytesGoToTheBareNames() throws IOException {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(
                readAll(FreeRadiusDetailReader.Settings.of(TORONTO).with(RealmHandling.STRIP)));

        assertThat(bytesPerUser(sessions)).containsOnlyKeys("alice", "bob", "carol", "dave", "erin", "frank");
        assertThat(bytesPerUser(sessions).get("alice")).isEqualTo(bytes(3_000_017, 61_234_567));
        assertThat(sessions).filteredOn(s -> s.userName().equals("carol")).singleElement()
                .extracting(RadiusSession::realm).isEqualTo("dsl.example");
        assertThat(sessions).filteredOn(s -> s.userName().equals("bob")).singleElement()
                .extracting(RadiusSession::realm).isNull();
    }

    @Test
    void eachSessionEndsAsItsRecordsSay() throws IOException {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(readAll(FreeRadiusDetailReader.Settings.of(TORONTO)));

        assertThat(sessions).extracting(RadiusSession::sessionId, RadiusSession::endedBy, RadiusSession::records,
                        RadiusSession::ignored)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A-0001", RadiusSession.EndedBy.STOP, 6, 2),
                        org.assertj.core.groups.Tuple.tuple("A-0002", RadiusSession.EndedBy.STOP, 4, 0),
                        org.assertj.core.groups.Tuple.tuple("A-0003", RadiusSession.EndedBy.STOP, 4, 0),
                        org.assertj.core.groups.Tuple.tuple("A-0004", RadiusSession.EndedBy.NAS_SHUTDOWN, 3, 0),
                        org.assertj.core.groups.Tuple.tuple("B-0001", RadiusSession.EndedBy.NAS_RESTART, 3, 0),
                        org.assertj.core.groups.Tuple.tuple("B-0002", RadiusSession.EndedBy.NAS_RESTART, 2, 0),
                        org.assertj.core.groups.Tuple.tuple("B-0003", RadiusSession.EndedBy.STOP, 2, 0));
        RadiusSession dave = sessions.get(4);
        // 09:10 EST, its last interim: the restart at 09:20 does not add ten minutes
        assertThat(dave.end()).isEqualTo(Instant.parse("2025-11-03T14:10:00Z"));
        assertThat(dave.sessionSeconds()).isEqualTo(600);
    }

    @Test
    void acrossTheEndOfSummerTimeTheSessionLastsItsSeventyMinutes() throws IOException {
        List<RadiusSession> sessions = RadiusSessionAssembler.assemble(readAll(FreeRadiusDetailReader.Settings.of(TORONTO)));
        RadiusSession carol = sessions.get(2);

        // headers 01:30, 01:50, 01:10, 01:40: Event-Timestamp's EDT and EST tell the two hours apart
        assertThat(carol.start()).isEqualTo(Instant.parse("2025-11-02T05:30:00Z")); // 01:30 EDT
        assertThat(carol.end()).isEqualTo(Instant.parse("2025-11-02T06:40:00Z")); // 01:40 EST
        assertThat(carol.sessionSeconds()).isEqualTo(4_200);
        assertThat(carol.readings()).extracting(r -> r.at().toString()).containsExactly(
                "2025-11-02T05:30:00Z", "2025-11-02T05:50:00Z", "2025-11-02T06:10:00Z", "2025-11-02T06:40:00Z");
    }
}
