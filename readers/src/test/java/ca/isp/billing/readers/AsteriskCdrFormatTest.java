package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.bad;
import static ca.isp.billing.readers.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Lines as Asterisk's cdr_csv writes them (append_string, append_int, append_date of cdr/cdr_csv.c). */
class AsteriskCdrFormatTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final AsteriskCdrFormat BASE = AsteriskCdrFormat.of(TORONTO, false, false, false);
    private static final AsteriskCdrFormat WITH_UNIQUE_ID = AsteriskCdrFormat.of(TORONTO, true, true, false);
    private static final AsteriskCdrFormat ALL = AsteriskCdrFormat.of(TORONTO, true, true, true);

    /** An answered outgoing call, 16 columns; the caller id's quotes doubled. */
    private static final String ANSWERED = "\"1001\",\"5145550101\",\"18005550199\",\"from-internal\","
            + "\"\"\"Alice Tremblay\"\" <5145550101>\",\"PJSIP/1001-00000001\",\"PJSIP/trunk-00000002\",\"Dial\","
            + "\"PJSIP/18005550199@trunk,30\",\"2025-11-04 10:00:00\",\"2025-11-04 10:00:05\",\"2025-11-04 10:02:05\","
            + "125,120,\"ANSWERED\",\"DOCUMENTATION\"";
    /** Not answered: the answer time is an empty, unquoted field. */
    private static final String NO_ANSWER = "\"\",\"5145550102\",\"5145550177\",\"from-internal\",\"\"\"\"\" <5145550102>\","
            + "\"PJSIP/1002-00000003\",\"PJSIP/1077-00000004\",\"Dial\",\"PJSIP/1077,20\",\"2025-11-04 10:05:00\",,"
            + "\"2025-11-04 10:05:20\",20,0,\"NO ANSWER\",\"DOCUMENTATION\"";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        return Files.writeString(dir.resolve("Master.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<Parsed<CallRecord>> read(Path file, FilePosition from, LineFormat<CallRecord> format) throws IOException {
        List<Parsed<CallRecord>> all = new ArrayList<>();
        try (LineCsvReader<CallRecord> reader = LineCsvReader.open(file, from, format)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    private Parsed<CallRecord> readOne(LineFormat<CallRecord> format, String line) throws IOException {
        List<Parsed<CallRecord>> all = read(write(line), FilePosition.START, format);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The line with field n (1-based) replaced by a raw CSV value. */
    private static String with(String line, int field, String value) {
        List<String> fields = new ArrayList<>(List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
        fields.set(field - 1, value);
        return String.join(",", fields);
    }

    @Test
    void readsTheSixteenBaseColumns() throws IOException {
        CallRecord call = ok(readOne(BASE, ANSWERED));

        // 10:00 EST = 15:00 UTC
        assertThat(call).usingRecursiveComparison().ignoringFields("callId").isEqualTo(new CallRecord(null, "1001",
                "5145550101", "18005550199", "from-internal", Instant.parse("2025-11-04T15:00:00Z"),
                Instant.parse("2025-11-04T15:00:05Z"), Instant.parse("2025-11-04T15:02:05Z"), 125, 120,
                CallDisposition.ANSWERED, null));
        assertThat(call.callId()).matches("cdr-[0-9a-f]{24}");
    }

    @Test
    void withoutAUniqueIdTheSameLineHasTheSameKeyAndAnotherLineAnother() throws IOException {
        List<Parsed<CallRecord>> all = read(write(ANSWERED, ANSWERED, NO_ANSWER), FilePosition.START, BASE);

        assertThat(ok(all.get(0)).callId()).isEqualTo(ok(all.get(1)).callId()).isNotEqualTo(ok(all.get(2)).callId());
    }

    @Test
    void anUnansweredCallHasNoAnswerTimeAndNoBilledSeconds() throws IOException {
        CallRecord call = ok(readOne(BASE, NO_ANSWER));

        assertThat(call.answer()).isNull();
        assertThat(call.answered()).isFalse();
        assertThat(call.billSeconds()).isZero();
        assertThat(call.durationSeconds()).isEqualTo(20);
        assertThat(call.disposition()).isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(call.accountCode()).isNull();
    }

    @Test
    void readsEveryDisposition() throws IOException {
        for (String disposition : List.of("BUSY", "FAILED", "CONGESTION")) {
            assertThat(ok(readOne(BASE, with(NO_ANSWER, 15, "\"" + disposition + "\""))).disposition().label())
                    .isEqualTo(disposition);
        }
        assertRejected(readOne(BASE, with(NO_ANSWER, 15, "\"HUNG\"")), "disposition",
                "not one of ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION: 'HUNG'");
        assertRejected(readOne(BASE, with(NO_ANSWER, 15, "\"ANSWERED\"")), "answer", "empty for an ANSWERED call");
    }

    @Test
    void eighteenColumnsAddTheUniqueIdAndTheUserField() throws IOException {
        CallRecord call = ok(readOne(WITH_UNIQUE_ID, ANSWERED + ",\"1762268400.1\",\"vip, \"\"gold\"\"\""));

        assertThat(call.callId()).isEqualTo("1762268400.1");
        assertThat(WITH_UNIQUE_ID.columns()).hasSize(18).endsWith("uniqueid", "userfield");
    }

    @Test
    void twentyOneColumnsKeyTheCallByUniqueIdAndSequence() throws IOException {
        CallRecord call = ok(readOne(ALL, ANSWERED + ",\"1762268400.1\",\"\",\"\",\"1762268400.0\",7"));

        // one channel can leave several CDRs (a transfer): the sequence tells them apart
        assertThat(call.callId()).isEqualTo("1762268400.1:7");
        assertThat(ALL.columns()).hasSize(21).endsWith("peeraccount", "linkedid", "sequence");
        assertThat(ok(readOne(AsteriskCdrFormat.of(TORONTO, false, false, true),
                ANSWERED + ",\"\",\"1762268400.0\",8")).callId()).isEqualTo("1762268400.0:8");
    }

    @Test
    void aLineOfAnotherWidthThanConfiguredIsRejected() throws IOException {
        Parsed<CallRecord> parsed = readOne(WITH_UNIQUE_ID, ANSWERED);

        assertThat(bad(parsed)).isEqualTo(new Reject("Master.csv", 1, null, "expected 18 fields, found 16", ANSWERED));
    }

    @Test
    void aQuoteThatIsNotDoubledIsRejected() throws IOException {
        String line = with(ANSWERED, 5, "\"\"Alice\" <5145550101>\"");

        assertThat(bad(readOne(BASE, line)).reason()).isEqualTo("a quote inside field 5 that is not doubled");
    }

    @Test
    void timesAreReadInTheConfiguredZone() throws IOException {
        // usegmtime=yes: UTC
        assertThat(ok(readOne(AsteriskCdrFormat.of(ZoneOffset.UTC, false, false, false), ANSWERED)).start())
                .isEqualTo(Instant.parse("2025-11-04T10:00:00Z"));
        // summer time in Toronto: UTC-4
        assertThat(ok(readOne(BASE, with(ANSWERED, 10, "\"2025-07-04 10:00:00\""))).start())
                .isEqualTo(Instant.parse("2025-07-04T14:00:00Z"));
    }

    @Test
    void acrossTheEndOfSummerTimeTheDurationSaysWhichHour() throws IOException {
        // 01:50 EDT to 01:10 EST: 20 minutes, though the end reads earlier than the start
        String line = with(with(with(with(with(ANSWERED, 10, "\"2025-11-02 01:50:00\""), 11, "\"2025-11-02 01:50:10\""),
                12, "\"2025-11-02 01:10:00\""), 13, "1200"), 14, "1190");

        CallRecord call = ok(readOne(BASE, line));

        assertThat(call.start()).isEqualTo(Instant.parse("2025-11-02T05:50:00Z"));
        assertThat(call.answer()).isEqualTo(Instant.parse("2025-11-02T05:50:10Z"));
        assertThat(call.end()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
    }

    @Test
    void aTimeInTheSkippedSpringHourIsRejected() throws IOException {
        String line = with(ANSWERED, 10, "\"2026-03-08 02:30:00\"");

        assertRejected(readOne(BASE, line), "start", "not a time that exists in America/Toronto (the hour skipped when "
                + "clocks go forward): is the zone configured the one the file was written in? '2026-03-08 02:30:00'");
    }

    @Test
    void badNumbersAndTimesAreRejected() throws IOException {
        assertRejected(readOne(BASE, with(ANSWERED, 13, "12x")), "duration", "not a whole number: '12x'");
        assertRejected(readOne(BASE, with(ANSWERED, 14, "126")), "billsec", "more than the duration (125): '126'");
        assertRejected(readOne(BASE, with(with(ANSWERED, 13, "86401"), 14, "0")), "duration",
                "more than 86400 seconds (24 hours) in one call: '86401'");
        assertRejected(readOne(BASE, with(ANSWERED, 10, "\"04/11/2025 10:00\"")), "start",
                "not a time (YYYY-MM-DD HH:MM:SS): '04/11/2025 10:00'");
        assertRejected(readOne(BASE, with(ANSWERED, 12, "\"2025-11-04 09:00:00\"")), "end",
                "before the start of the call: '2025-11-04 09:00:00'");
        assertRejected(readOne(BASE, with(ANSWERED, 3, "\"\"")), "dst", "required but empty");
    }

    @Test
    void aStartOutsideThePlausibleWindowIsRejected() throws IOException {
        AsteriskCdrFormat format = BASE.within(new DateWindow(LocalDate.of(2025, 5, 4), LocalDate.of(2025, 11, 5)));

        assertThat(ok(readOne(format, ANSWERED))).isNotNull();
        assertRejected(readOne(format, with(ANSWERED, 10, "\"1970-01-01 00:00:00\"")), "start",
                "outside the plausible window 2025-05-04..2025-11-05: '1970-01-01 00:00:00'");
    }

    @Test
    void aLineOver64KibIsRejectedAndTheNextRead() throws IOException {
        String huge = with(ANSWERED, 9, "\"" + "x".repeat(70_000) + "\"");

        List<Parsed<CallRecord>> all = read(write(huge, NO_ANSWER), FilePosition.START, BASE);

        Reject reject = bad(all.get(0));
        assertThat(reject.reason()).isEqualTo("longer than 65536 bytes: cut there, the rest of the line skipped");
        assertThat(reject.raw()).hasSize(201).endsWith("…");
        assertThat(ok(all.get(1)).disposition()).isEqualTo(CallDisposition.NO_ANSWER);
    }

    @Test
    void aLineStillBeingWrittenWaitsForTheNextRead() throws IOException {
        Path file = Files.writeString(dir.resolve("Master.csv"), ANSWERED + "\n" + NO_ANSWER.substring(0, 40));

        FilePosition reached;
        try (LineCsvReader<CallRecord> reader = LineCsvReader.open(file, FilePosition.START, BASE)) {
            assertThat(ok(reader.next()).disposition()).isEqualTo(CallDisposition.ANSWERED);
            assertThat(reader.hasNext()).isFalse();
            reached = reader.position();
        }
        assertThat(reached).isEqualTo(new FilePosition(ANSWERED.length() + 1, 2));

        Files.writeString(file, ANSWERED + "\n" + NO_ANSWER + "\n");
        List<Parsed<CallRecord>> rest = read(file, reached, BASE);
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).line()).isEqualTo(2);
        assertThat(ok(rest.get(0)).disposition()).isEqualTo(CallDisposition.NO_ANSWER);
    }
}
