package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static ca.isp.billing.readers.FreeRadiusFixturesTest.TORONTO;
import static ca.isp.billing.readers.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written detail records: what the server never writes (malformed lines, absurd counters), and time rules. */
class FreeRadiusDetailReaderTest {

    private static final FreeRadiusDetailReader.Settings SETTINGS = FreeRadiusDetailReader.Settings.of(TORONTO);

    /** A good interim of NAS 192.0.2.1, written as FreeRADIUS writes one (header on line 1). */
    private static final List<String> INTERIM = List.of(
            "Tue Nov  4 10:00:00 2025",
            "Acct-Status-Type = Interim-Update",
            "User-Name = \"alice@fibre.example\"",
            "NAS-IP-Address = 192.0.2.1",
            "Acct-Session-Id = \"81200004\"",
            "Framed-IP-Address = 10.1.0.11",
            "Acct-Session-Time = 600",
            "Acct-Input-Octets = 2500000",
            "Acct-Input-Gigawords = 2",
            "Acct-Output-Octets = 55000000",
            "Event-Timestamp = \"Nov  4 2025 10:00:00 EST\"",
            "Acct-Unique-Session-Id = \"6e198f9a50b191c3705862d9ffc4ef56\"",
            "Timestamp = 1762268400");

    @TempDir
    Path dir;

    /** The record with one attribute replaced (or removed with a null value, or added). */
    private static List<String> with(List<String> record, String attribute, String value) {
        List<String> copy = new ArrayList<>(record);
        int index = -1;
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).startsWith(attribute + " = ")) {
                index = i;
            }
        }
        if (value == null) {
            copy.remove(index);
        } else if (index < 0) {
            copy.add(attribute + " = " + value);
        } else {
            copy.set(index, attribute + " = " + value);
        }
        return copy;
    }

    /** The records as a detail file: header, tab-indented attributes, a blank line after each. */
    private static String detail(List<List<String>> records) {
        StringBuilder text = new StringBuilder();
        for (List<String> record : records) {
            text.append(record.get(0)).append('\n');
            record.subList(1, record.size()).forEach(line -> text.append('\t').append(line).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    private Path write(String text) throws IOException {
        Path nas = Files.createDirectories(dir.resolve("192.0.2.1"));
        return Files.writeString(nas.resolve("detail-20251104"), text, StandardCharsets.UTF_8);
    }

    private List<Parsed<RadiusRecord>> read(Path file, FilePosition from, FreeRadiusDetailReader.Settings settings)
            throws IOException {
        List<Parsed<RadiusRecord>> all = new ArrayList<>();
        try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, from, settings)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    private Parsed<RadiusRecord> readOne(List<String> record) throws IOException {
        List<Parsed<RadiusRecord>> all = read(write(detail(List.of(record))), FilePosition.START, SETTINGS);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static void assertRejected(Parsed<RadiusRecord> parsed, long line, String field, String reason, String raw) {
        assertThat(TestFiles.bad(parsed)).isEqualTo(new Reject("detail-20251104", line, field, reason, raw));
    }

    @Test
    void readsARecordAsTheServerWritesIt() throws IOException {
        RadiusRecord record = ok(readOne(INTERIM));

        // 2 x 4,294,967,296 + 2,500,000 = 8,592,434,592 up
        assertThat(record).isEqualTo(new RadiusRecord("192.0.2.1", AcctStatusType.INTERIM_UPDATE, "81200004",
                "6e198f9a50b191c3705862d9ffc4ef56", "alice@fibre.example", "fibre.example", "10.1.0.11",
                Instant.parse("2025-11-04T15:00:00Z"), 8_592_434_592L, 55_000_000, 600, null, "detail-20251104", 1));
    }

    @Test
    void theRealmIsKeptOrStrippedAsConfigured() throws IOException {
        Path file = write(detail(List.of(INTERIM, with(INTERIM, "User-Name", "\"bob\""),
                with(INTERIM, "User-Name", "\"carol@home@dsl.example\""))));

        List<Parsed<RadiusRecord>> kept = read(file, FilePosition.START, SETTINGS);
        List<Parsed<RadiusRecord>> stripped = read(file, FilePosition.START, SETTINGS.with(RealmHandling.STRIP));

        assertThat(kept).extracting(p -> ok(p).userName() + " / " + ok(p).realm()).containsExactly(
                "alice@fibre.example / fibre.example", "bob / null", "carol@home@dsl.example / dsl.example");
        // the realm is after the last '@', as FreeRADIUS's suffix realm reads it
        assertThat(stripped).extracting(p -> ok(p).userName() + " / " + ok(p).realm()).containsExactly(
                "alice / fibre.example", "bob / null", "carol@home / dsl.example");
    }

    @Test
    void withoutAUniqueSessionIdTheSessionIsKeyedByItsNasAndSessionId() throws IOException {
        RadiusRecord record = ok(readOne(with(INTERIM, "Acct-Unique-Session-Id", null)));

        assertThat(record.uniqueId()).isEqualTo("192.0.2.1:81200004");
    }

    @Test
    void withoutNasIpAddressTheNasIsTheFolderThePacketSourceNamed() throws IOException {
        assertThat(ok(readOne(with(INTERIM, "NAS-IP-Address", null))).nasIp()).isEqualTo("192.0.2.1");
    }

    @Test
    void nasRecordsHaveNoSessionNorCounters() throws IOException {
        List<String> on = List.of("Tue Nov  4 09:20:00 2025", "Acct-Status-Type = Accounting-On",
                "NAS-IP-Address = 192.0.2.1", "Event-Timestamp = \"Nov  4 2025 09:20:00 EST\"", "Timestamp = 1762266000");

        RadiusRecord record = ok(readOne(on));

        assertThat(record.status()).isEqualTo(AcctStatusType.ACCOUNTING_ON);
        assertThat(record.sessionId()).isNull();
        assertThat(record.userName()).isNull();
        assertThat(record.eventTime()).isEqualTo(Instant.parse("2025-11-04T14:20:00Z"));
    }

    @Test
    void eventTimestampWinsOverTheServersTimestamp() throws IOException {
        // received 150 s late: the count was made at 10:00:00 EST, whatever Timestamp says
        RadiusRecord late = ok(readOne(with(with(INTERIM, "Timestamp", "1762268550"), "Acct-Delay-Time", "150")));

        assertThat(late.eventTime()).isEqualTo(Instant.parse("2025-11-04T15:00:00Z"));
    }

    @Test
    void withoutEventTimestampTheTimeIsWhenReceivedMinusTheDelay() throws IOException {
        List<String> record = with(with(INTERIM, "Event-Timestamp", null), "Acct-Delay-Time", "150");

        // 1,762,268,400 - 150 = 2025-11-04T14:57:30Z
        assertThat(ok(readOne(record)).eventTime()).isEqualTo(Instant.parse("2025-11-04T14:57:30Z"));
        assertRejected(readOne(with(with(INTERIM, "Event-Timestamp", null), "Timestamp", null)), 1, "Event-Timestamp",
                "missing, and no Timestamp either: when the NAS counted is unknown", "Tue Nov  4 10:00:00 2025");
    }

    @Test
    void inTheHourThatHappensTwiceTheAbbreviationSaysWhich() throws IOException {
        List<String> first = with(INTERIM, "Event-Timestamp", "\"Nov  2 2025 01:10:00 EDT\"");
        List<String> second = with(INTERIM, "Event-Timestamp", "\"Nov  2 2025 01:10:00 EST\"");

        assertThat(ok(readOne(first)).eventTime()).isEqualTo(Instant.parse("2025-11-02T05:10:00Z"));
        assertThat(ok(readOne(second)).eventTime()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
        // an abbreviation Java does not know: the one nearer to when the server received it
        List<String> unknown = with(with(INTERIM, "Event-Timestamp", "\"Nov  2 2025 01:10:00 XYZ\""),
                "Timestamp", "1762063810");
        assertThat(ok(readOne(unknown)).eventTime()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
    }

    @Test
    void aServerInUtcAndSecondsSince1970AreReadAsSuch() throws IOException {
        assertThat(ok(readOne(with(INTERIM, "Event-Timestamp", "\"Nov  4 2025 15:00:00 UTC\""))).eventTime())
                .isEqualTo(Instant.parse("2025-11-04T15:00:00Z"));
        assertThat(ok(readOne(with(INTERIM, "Event-Timestamp", "1762268400"))).eventTime())
                .isEqualTo(Instant.parse("2025-11-04T15:00:00Z"));
        assertThat(ok(readOne(with(INTERIM, "Event-Timestamp", "\"Nov 14 2025 15:00:00 UTC\""))).eventTime())
                .isEqualTo(Instant.parse("2025-11-14T15:00:00Z"));
    }

    @Test
    void aTimeInTheSkippedSpringHourMeansAnotherZone() throws IOException {
        List<String> record = with(INTERIM, "Event-Timestamp", "\"Mar  8 2026 02:30:00 EST\"");

        assertRejected(readOne(record), 11, "Event-Timestamp", "not a time that exists in America/Toronto (the hour "
                        + "skipped when clocks go forward): is the zone configured the one the file was written in? "
                        + "'Mar  8 2026 02:30:00 EST'",
                "Event-Timestamp = \"Mar  8 2026 02:30:00 EST\"");
    }

    @Test
    void aTimeOutsideThePlausibleWindowIsRejected() throws IOException {
        FreeRadiusDetailReader.Settings window = SETTINGS.within(
                new DateWindow(LocalDate.of(2025, 5, 4), LocalDate.of(2025, 11, 5)));
        Path file = write(detail(List.of(INTERIM, with(INTERIM, "Event-Timestamp", "\"Jan  1 1970 00:00:00 EST\""))));

        List<Parsed<RadiusRecord>> all = read(file, FilePosition.START, window);

        assertThat(ok(all.get(0))).isNotNull();
        assertRejected(all.get(1), 25, "Event-Timestamp",
                "outside the plausible window 2025-05-04..2025-11-05: 'Jan  1 1970 00:00:00 EST'",
                "Event-Timestamp = \"Jan  1 1970 00:00:00 EST\"");
    }

    @Test
    void malformedRecordsAreRejectedWithTheirLineAndTheNextOnesRead() throws IOException {
        List<String> noEquals = new ArrayList<>(INTERIM);
        noEquals.add(3, "NAS-Port 101");
        Path file = write(detail(List.of(
                noEquals,                                                    // lines 1-15
                with(INTERIM, "Acct-Input-Octets", "12abc"),                 // 16-29
                with(INTERIM, "Acct-Output-Octets", "4294967296"),           // 30-43
                with(INTERIM, "Acct-Input-Gigawords", "232831"),             // 44-57
                with(INTERIM, "Acct-Session-Id", null),                      // 58-70
                with(INTERIM, "User-Name", "\"alice smith\""),               // 71-84
                with(INTERIM, "Acct-Status-Type", "Failed"),                 // 85-98
                INTERIM)));                                                  // 99-

        List<Parsed<RadiusRecord>> all = read(file, FilePosition.START, SETTINGS);

        assertThat(all).hasSize(8);
        assertRejected(all.get(0), 4, null, "not an 'Attribute = value' line: 'NAS-Port 101'", "NAS-Port 101");
        assertRejected(all.get(1), 23, "Acct-Input-Octets", "not a whole number: '12abc'",
                "Acct-Input-Octets = 12abc");
        assertRejected(all.get(2), 39, "Acct-Output-Octets",
                "above 4294967295, the most a 32-bit RADIUS counter holds: '4294967296'",
                "Acct-Output-Octets = 4294967296");
        // 232,831 x 2^32 = 1,000,003,225,026,560: more than a petabyte in one session
        assertRejected(all.get(3), 52, "Acct-Input-Gigawords", "more than 1000000000000000 bytes (1 PB) in one session: "
                + "232831 gigawords and 2500000 octets", "Acct-Input-Gigawords = 232831");
        assertRejected(all.get(4), 58, "Acct-Session-Id", "missing: required in a session's record",
                "Tue Nov  4 10:00:00 2025");
        assertRejected(all.get(5), 73, "User-Name", "' ' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): "
                + "'alice smith'", "User-Name = \"alice smith\"");
        assertRejected(all.get(6), 86, "Acct-Status-Type", "not a status billing reads (Start, Interim-Update, Stop, "
                + "Accounting-On, Accounting-Off): 'Failed'", "Acct-Status-Type = Failed");
        assertThat(ok(all.get(7)).line()).isEqualTo(99);
    }

    @Test
    void theMostAGigawordCounterMayHoldStaysUnderAPetabyte() throws IOException {
        // 232,830 x 2^32 + 2,500,000 = 999,998,930,233,600 + 2,500,000
        RadiusRecord record = ok(readOne(with(INTERIM, "Acct-Input-Gigawords", "232830")));

        assertThat(record.uploadBytes()).isEqualTo(232_830L * (1L << 32) + 2_500_000);
    }

    @Test
    void quotedValuesLoseTheirQuotesAndEscapes() {
        assertThat(FreeRadiusDetailReader.unquote("\"a\\\"b\\\\c\"")).isEqualTo("a\"b\\c");
        assertThat(FreeRadiusDetailReader.unquote("\"tab\\011x\"")).isEqualTo("tab\tx");
        assertThat(FreeRadiusDetailReader.unquote("\"\\303\"")).isEqualTo("\uFFFD");
        assertThat(FreeRadiusDetailReader.unquote("Interim-Update")).isEqualTo("Interim-Update");
    }

    @Test
    void aRecordNotYetFollowedByItsBlankLineWaitsForTheNextRead() throws IOException {
        String whole = detail(List.of(INTERIM, with(INTERIM, "Acct-Session-Time", "900")));
        // the second record written up to its Timestamp line, blank line not yet
        String growing = whole.substring(0, whole.length() - 1);
        Path file = write(growing);

        FilePosition reached;
        try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, FilePosition.START, SETTINGS)) {
            assertThat(ok(reader.next()).sessionSeconds()).isEqualTo(600);
            assertThat(reader.hasNext()).isFalse();
            reached = reader.position();
        }
        // after the first record's blank line: byte offset and the line after it
        int firstLength = detail(List.of(INTERIM)).getBytes(StandardCharsets.UTF_8).length;
        assertThat(reached).isEqualTo(new FilePosition(firstLength, 15));

        Files.writeString(file, whole, StandardCharsets.UTF_8);
        List<Parsed<RadiusRecord>> rest = read(file, reached, SETTINGS);
        assertThat(rest).hasSize(1);
        assertThat(ok(rest.get(0)).sessionSeconds()).isEqualTo(900);
        assertThat(rest.get(0).line()).isEqualTo(15);
    }

    @Test
    void aFileReadWhileItGrowsCountsEveryRecordOnceWhereverItWasCut() throws IOException {
        Path fixture = FreeRadiusFixturesTest.fixtures().resolve("127.0.0.10").resolve("detail-20251101");
        byte[] whole = Files.readAllBytes(fixture);
        List<Parsed<RadiusRecord>> expected = read(fixture, FilePosition.START, SETTINGS);
        assertThat(expected).hasSize(9);

        // cut at the start of the file, in the middle of each line, just before its line feed, just
        // after it, one byte further, and at the end (every byte takes seconds on slow disks)
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, whole.length));
        int lineStart = 0;
        for (int i = 0; i < whole.length; i++) {
            if (whole[i] == '\n') {
                cuts.addAll(List.of((lineStart + i) / 2, i, i + 1, Math.min(i + 2, whole.length)));
                lineStart = i + 1;
            }
        }
        assertThat(cuts).hasSizeGreaterThan(400);
        for (int cut : cuts) {
            // the server has written `cut` bytes when the first read comes, the rest before the second
            // (a new file each time: rewriting one from its start is slow on some file systems)
            Path nas = Files.createDirectories(dir.resolve(String.valueOf(cut)).resolve("127.0.0.10"));
            Path growing = Files.write(nas.resolve("detail-20251101"), Arrays.copyOf(whole, cut));
            List<Parsed<RadiusRecord>> all = new ArrayList<>();
            FilePosition reached;
            try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(growing, FilePosition.START, SETTINGS)) {
                reader.forEachRemaining(all::add);
                reached = reader.position();
            }
            Files.write(growing, Arrays.copyOfRange(whole, cut, whole.length), StandardOpenOption.APPEND);
            all.addAll(read(growing, reached, SETTINGS));
            Files.delete(growing);

            if (!all.equals(expected)) {
                assertThat(all).as("cut at byte %d", cut).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRecordEndedByTheNextHeaderInsteadOfABlankLineCounts() throws IOException {
        String text = detail(List.of(INTERIM, with(INTERIM, "Acct-Session-Time", "900")));
        // the blank line between the two records missing
        Path file = write(text.replaceFirst("\n\n", "\n"));

        List<Parsed<RadiusRecord>> all = read(file, FilePosition.START, SETTINGS);

        assertThat(all).extracting(p -> ok(p).sessionSeconds()).containsExactly(600L, 900L);
        assertThat(all.get(1).line()).isEqualTo(14);
    }

    @Test
    void attributesWithNoHeaderBeforeThemAreRejected() throws IOException {
        String text = detail(List.of(INTERIM));
        // a file that starts in the middle of a record
        Path file = write(text.substring(text.indexOf("\tAcct-Session-Time")) + detail(List.of(INTERIM)));

        List<Parsed<RadiusRecord>> all = read(file, FilePosition.START, SETTINGS);

        assertRejected(all.get(0), 1, null, "attribute line with no header line before it: a record cut at its start?",
                "Acct-Session-Time = 600");
        assertThat(ok(all.get(1)).line()).isEqualTo(9);
    }

    @Test
    void aFileShorterThanThePositionReachedIsNotTheSameFile() throws IOException {
        Path file = write(detail(List.of(INTERIM)));

        assertThatThrownBy(() -> read(file, new FilePosition(10_000, 200), SETTINGS))
                .isInstanceOf(BadFileException.class)
                .hasMessage("detail-20251104: shorter (" + Files.size(file)
                        + " bytes) than the position already read (10000): replaced or truncated since?");
    }

    @Test
    void aLineOver64KibRejectsItsRecordAndTheNextIsRead() throws IOException {
        Path file = write(detail(List.of(with(INTERIM, "User-Name", "\"" + "a".repeat(70_000) + "\""), INTERIM)));

        List<Parsed<RadiusRecord>> all = read(file, FilePosition.START, SETTINGS);

        assertRejected(all.get(0), 1, null, "a line longer than 65536 bytes: cut, record skipped",
                "Tue Nov  4 10:00:00 2025");
        assertThat(ok(all.get(1)).line()).isEqualTo(15);
    }

    @Test
    void crLfLineEndsAreReadToo() throws IOException {
        Path file = write(detail(List.of(INTERIM)).replace("\n", "\r\n"));

        assertThat(ok(read(file, FilePosition.START, SETTINGS).get(0)).userName()).isEqualTo("alice@fibre.example");
    }
}
