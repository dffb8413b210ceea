package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;

class GenericCdrFormatTest {

    private static final GenericCdrFormat FORMAT = GenericCdrFormat.of(ZoneId.of("America/Toronto"));

    private static final TestRecord CALL = TestRecord.of(
            "record_id", "sbc1-20251104-000017",
            "caller", "+15145550101",
            "destination", "18005550199",
            "start_time", "2025-11-04T10:00:00",
            "answer_time", "2025-11-04T10:00:05",
            "end_time", "2025-11-04T10:02:05",
            "disposition", "ANSWERED",
            "account_code", "1001");

    @TempDir
    Path dir;

    @Test
    void readsACallWithItsDurationsCountedFromItsTimes() throws IOException {
        CallRecord call = ok(readOne(dir, FORMAT, CALL));

        // 10:00 EST = 15:00 UTC; 125 s from start to end, 120 from answer to end
        assertThat(call).isEqualTo(new CallRecord("sbc1-20251104-000017", "1001", "+15145550101", "18005550199", null,
                Instant.parse("2025-11-04T15:00:00Z"), Instant.parse("2025-11-04T15:00:05Z"),
                Instant.parse("2025-11-04T15:02:05Z"), 125, 120, CallDisposition.ANSWERED, null));
    }

    @Test
    void anEmptyDispositionFollowsTheAnswerTime() throws IOException {
        assertThat(ok(readOne(dir, FORMAT, CALL.with("disposition", ""))).disposition())
                .isEqualTo(CallDisposition.ANSWERED);
        CallRecord unanswered = ok(readOne(dir, FORMAT, CALL.with("disposition", "").with("answer_time", "")));
        assertThat(unanswered.disposition()).isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(unanswered.billSeconds()).isZero();
        assertThat(unanswered.durationSeconds()).isEqualTo(125);
        assertThat(ok(readOne(dir, FORMAT, CALL.with("disposition", "no answer").with("answer_time", "")))
                .disposition()).isEqualTo(CallDisposition.NO_ANSWER);
    }

    @Test
    void aDispositionThatContradictsTheAnswerTimeIsRejected() throws IOException {
        assertRejected(readOne(dir, FORMAT, CALL.with("disposition", "BUSY")), "disposition",
                "an answered call (answer_time set) is ANSWERED: 'BUSY'");
        assertRejected(readOne(dir, FORMAT, CALL.with("answer_time", "")), "disposition",
                "an ANSWERED call needs its answer_time: 'ANSWERED'");
        assertRejected(readOne(dir, FORMAT, CALL.with("disposition", "HUNG UP")), "disposition",
                "not one of ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION: 'HUNG UP'");
    }

    @Test
    void anOffsetSettlesTheHourThatHappensTwice() throws IOException {
        TestRecord call = CALL.with("start_time", "2025-11-02T01:10:00-05:00").with("answer_time", "")
                .with("end_time", "2025-11-02T01:12:00-05:00").with("disposition", "");
        // without offsets, the earlier 01:10 (EDT) and an end that does not run backwards
        TestRecord local = call.with("start_time", "2025-11-02T01:10:00").with("end_time", "2025-11-02T01:12:00");

        assertThat(ok(readOne(dir, FORMAT, call)).start()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
        assertThat(ok(readOne(dir, FORMAT, local)).start()).isEqualTo(Instant.parse("2025-11-02T05:10:00Z"));
        // 01:50 EDT to 01:10 EST: 20 minutes, though the end reads earlier
        CallRecord across = ok(readOne(dir, FORMAT, local.with("start_time", "2025-11-02T01:50:00")
                .with("end_time", "2025-11-02T01:10:00")));
        assertThat(across.durationSeconds()).isEqualTo(1_200);
    }

    @Test
    void badValuesAreRejected() throws IOException {
        assertRejected(readOne(dir, FORMAT, CALL.with("end_time", "2025-11-04T09:00:00")), "end_time",
                "before the start of the call: '2025-11-04T09:00:00'");
        assertRejected(readOne(dir, FORMAT, CALL.with("answer_time", "2025-11-04T10:05:00")), "answer_time",
                "not between start_time and end_time: '2025-11-04T10:05:00'");
        assertRejected(readOne(dir, FORMAT, CALL.with("end_time", "2025-11-05T10:00:01")), "end_time",
                "more than 86400 seconds (24 hours) after start_time: '2025-11-05T10:00:01'");
        assertRejected(readOne(dir, FORMAT, CALL.with("start_time", "2025-11-04 10:00")), "start_time",
                "not a timestamp (YYYY-MM-DDTHH:MM:SS, or with its offset like -05:00): '2025-11-04 10:00'");
        assertRejected(readOne(dir, FORMAT, CALL.with("caller", "alice smith")), "caller",
                "' ' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): 'alice smith'");
        assertRejected(readOne(dir, FORMAT, CALL.with("record_id", "")), "record_id", "required but empty");
    }

    @Test
    void aStartOutsideThePlausibleWindowIsRejected() throws IOException {
        GenericCdrFormat format = FORMAT.within(new DateWindow(LocalDate.of(2025, 5, 4), LocalDate.of(2025, 11, 5)));

        assertRejected(readOne(dir, format, CALL.with("start_time", "1900-01-01T00:00:00")
                        .with("answer_time", "1900-01-01T00:00:05").with("end_time", "1900-01-01T00:01:00")),
                "start_time", "outside the plausible window 2025-05-04..2025-11-05: '1900-01-01T00:00:00'");
    }
}
