package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.bad;
import static ca.isp.billing.readers.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines as mod_cdr_csv writes them: the template with each ${variable} replaced, nothing escaped. */
class FreeSwitchCdrFormatTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final FreeSwitchCdrFormat EXAMPLE = FreeSwitchCdrFormat.of(TORONTO);

    private static final String ANSWERED = "\"Alice Tremblay\",\"5145550101\",\"18005550199\",\"default\","
            + "\"2025-11-04 10:00:00\",\"2025-11-04 10:00:05\",\"2025-11-04 10:02:05\",\"125\",\"120\","
            + "\"NORMAL_CLEARING\",\"0b8f7a2e-5c1d-4b7a-9f3e-2a6d1c4e8b90\",\"5d2e9c1a-7b3f-4e6d-8a1c-9f0e2b4d6a81\","
            + "\"1001\",\"PCMU\",\"PCMU\"";

    @TempDir
    Path dir;

    private List<Parsed<CallRecord>> read(LineFormat<CallRecord> format, String... lines) throws IOException {
        Path file = Files.writeString(dir.resolve("Master.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        List<Parsed<CallRecord>> all = new ArrayList<>();
        try (LineCsvReader<CallRecord> reader = LineCsvReader.open(file, FilePosition.START, format)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    private Parsed<CallRecord> readOne(LineFormat<CallRecord> format, String line) throws IOException {
        List<Parsed<CallRecord>> all = read(format, line);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The example line with the variable's value replaced. */
    private static String with(String variable, String value) {
        String template = FreeSwitchCdrFormat.EXAMPLE_TEMPLATE;
        String line = ANSWERED;
        List<String> names = CsvFields.split(template, false);
        List<String> values = new ArrayList<>(CsvFields.split(line, false));
        values.set(names.indexOf("${" + variable + "}"), value);
        return "\"" + String.join("\",\"", values) + "\"";
    }

    @Test
    void theExampleTemplateIsTheDefault() throws IOException {
        assertThat(EXAMPLE.columns()).containsExactly("caller_id_name", "caller_id_number", "destination_number",
                "context", "start_stamp", "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid",
                "bleg_uuid", "accountcode", "read_codec", "write_codec");

        CallRecord call = ok(readOne(EXAMPLE, ANSWERED));

        assertThat(call).isEqualTo(new CallRecord("0b8f7a2e-5c1d-4b7a-9f3e-2a6d1c4e8b90", "1001", "5145550101",
                "18005550199", "default", Instant.parse("2025-11-04T15:00:00Z"), Instant.parse("2025-11-04T15:00:05Z"),
                Instant.parse("2025-11-04T15:02:05Z"), 125, 120, CallDisposition.ANSWERED, "NORMAL_CLEARING"));
    }

    @Test
    void anUnansweredCallTakesItsDispositionFromItsHangupCause() throws IOException {
        String unanswered = with("answer_stamp", "").replace("\"120\"", "\"0\"");

        assertThat(ok(readOne(EXAMPLE, unanswered.replace("NORMAL_CLEARING", "USER_BUSY"))).disposition())
                .isEqualTo(CallDisposition.BUSY);
        assertThat(ok(readOne(EXAMPLE, unanswered.replace("NORMAL_CLEARING", "ORIGINATOR_CANCEL"))).disposition())
                .isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(ok(readOne(EXAMPLE, unanswered.replace("NORMAL_CLEARING", "NORMAL_CIRCUIT_CONGESTION")))
                .disposition()).isEqualTo(CallDisposition.CONGESTION);
        CallRecord failed = ok(readOne(EXAMPLE, unanswered.replace("NORMAL_CLEARING", "UNALLOCATED_NUMBER")));
        assertThat(failed.disposition()).isEqualTo(CallDisposition.FAILED);
        assertThat(failed.cause()).isEqualTo("UNALLOCATED_NUMBER");
        assertThat(failed.answer()).isNull();
        assertThat(failed.billSeconds()).isZero();
    }

    @Test
    void billedSecondsWithoutAnAnswerTimeAreRejected() throws IOException {
        assertRejected(readOne(EXAMPLE, with("answer_stamp", "")), "billsec", "billed seconds but no answer time: '120'");
    }

    @Test
    void aQuoteInAValueIsReadAsWrittenSinceFreeSwitchDoesNotEscapeIt() throws IOException {
        CallRecord call = ok(readOne(EXAMPLE, with("caller_id_name", "Bob \"the\" builder")));

        assertThat(call.caller()).isEqualTo("5145550101");
        assertThat(CsvFields.split(with("caller_id_name", "Bob \"the\" builder"), false).get(0))
                .isEqualTo("Bob \"the\" builder");
    }

    @Test
    void aValueHoldingAQuoteAndACommaShowsAsTheWrongNumberOfFields() throws IOException {
        String line = with("caller_id_name", "Bob \", Jr");

        assertThat(bad(readOne(EXAMPLE, line))).isEqualTo(new Reject("Master.csv", 1, null,
                "expected 15 fields, found 16", line));
    }

    @Test
    void theCompiledInDefaultTemplateWithItsSpaceBeforeTheLastFieldIsReadToo() throws IOException {
        FreeSwitchCdrFormat format = FreeSwitchCdrFormat.of("\"${caller_id_name}\",\"${caller_id_number}\","
                + "\"${destination_number}\",\"${context}\",\"${start_stamp}\",\"${answer_stamp}\",\"${end_stamp}\","
                + "\"${duration}\",\"${billsec}\",\"${hangup_cause}\",\"${uuid}\",\"${bleg_uuid}\", \"${accountcode}\"",
                TORONTO);
        String line = ANSWERED.substring(0, ANSWERED.indexOf(",\"1001\"")) + ", \"1001\"";

        CallRecord call = ok(readOne(format, line));

        assertThat(call.accountCode()).isEqualTo("1001");
        assertThat(call.billSeconds()).isEqualTo(120);
    }

    @Test
    void aTemplateOfEpochsNeedsNoZoneAndWithoutUuidTheKeyIsADigest() throws IOException {
        FreeSwitchCdrFormat format = FreeSwitchCdrFormat.of("${caller_id_number},${destination_number},"
                + "${start_epoch},${answer_epoch},${end_epoch},${billsec},${regex(${sip_user_agent}|^(\\w+))}", TORONTO);
        // 1762063800 = 2025-11-02 01:10:00 EST, in the hour that happens twice: no question with seconds
        List<Parsed<CallRecord>> all = read(format, "5145550101,18005550199,1762063800,1762063805,1762063860,55,Yealink",
                "5145550101,18005550199,1762063900,0,1762063930,0,Yealink");

        CallRecord answered = ok(all.get(0));
        assertThat(answered.start()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
        assertThat(answered.durationSeconds()).isEqualTo(60);
        assertThat(answered.callId()).matches("cdr-[0-9a-f]{24}");
        CallRecord unanswered = ok(all.get(1));
        assertThat(unanswered.answer()).isNull();
        assertThat(unanswered.disposition()).isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(format.columns()).endsWith("#7");
    }

    @Test
    void acrossTheEndOfSummerTimeTheDurationSaysWhichHour() throws IOException {
        String line = with("start_stamp", "2025-11-02 01:50:00").replace("2025-11-04 10:00:05", "2025-11-02 01:50:10")
                .replace("2025-11-04 10:02:05", "2025-11-02 01:10:00").replace("\"125\"", "\"1200\"")
                .replace("\"120\"", "\"1190\"");

        CallRecord call = ok(readOne(EXAMPLE, line));

        assertThat(call.start()).isEqualTo(Instant.parse("2025-11-02T05:50:00Z"));
        assertThat(call.end()).isEqualTo(Instant.parse("2025-11-02T06:10:00Z"));
    }

    @Test
    void aTemplateWithoutWhatACallNeedsIsRefused() {
        assertThatThrownBy(() -> FreeSwitchCdrFormat.of("\"${caller_id_name}\",\"${start_stamp}\",\"${billsec}\"", TORONTO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template has no ${caller_id_number}, ${destination_number}, ${end_stamp} or ${end_epoch}: "
                        + "\"${caller_id_name}\",\"${start_stamp}\",\"${billsec}\"");
    }

    @Test
    void badValuesAreRejectedByTheirVariable() throws IOException {
        assertRejected(readOne(EXAMPLE, with("billsec", "1m")), "billsec", "not a whole number: '1m'");
        assertRejected(readOne(EXAMPLE, with("destination_number", "")), "destination_number", "required but empty");
        assertRejected(readOne(EXAMPLE, with("start_stamp", "yesterday")), "start_stamp",
                "not a time (YYYY-MM-DD HH:MM:SS): 'yesterday'");
    }
}
