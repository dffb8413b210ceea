package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UsageFormatTest {

    private static final TestRecord DATA = TestRecord.of(
            "record_id", "acct-5f2a-0001",
            "source", "radius-mtl-1",
            "service_id", "emilie.cote@fibre",
            "usage_type", "DATA",
            "start_time", "2026-11-03T22:15:09",
            "quantity", "5368709120");

    @TempDir
    Path dir;

    @Test
    void readsDataUsageInBytes() throws IOException {
        // 5 GiB = 5 x 1,073,741,824 = 5,368,709,120 bytes: beyond an int, fits a long
        assertThat(ok(readOne(dir, UsageFormat.INSTANCE, DATA))).isEqualTo(new UsageRow("radius-mtl-1",
                "acct-5f2a-0001", "emilie.cote@fibre", "DATA", LocalDateTime.of(2026, 11, 3, 22, 15, 9),
                5_368_709_120L));
    }

    @Test
    void readsVoiceUsageInSecondsIncludingZero() throws IOException {
        TestRecord call = DATA.with("usage_type", "Voice").with("service_id", "+15145550100")
                .with("quantity", "0");

        UsageRow row = ok(readOne(dir, UsageFormat.INSTANCE, call));

        assertThat(row.usageType()).isEqualTo("VOICE");
        assertThat(row.serviceId()).isEqualTo("+15145550100");
        assertThat(row.quantity()).isZero();
    }

    @Test
    void aCallOfMoreThan24HoursIsRejected() throws IOException {
        TestRecord call = DATA.with("usage_type", "VOICE");

        assertThat(ok(readOne(dir, UsageFormat.INSTANCE, call.with("quantity", "86400"))).quantity()).isEqualTo(86_400);
        assertRejected(readOne(dir, UsageFormat.INSTANCE, call.with("quantity", "86401")), "quantity",
                "more than 86400 seconds (24 hours) in one VOICE record: '86401'");
        assertThat(ok(readOne(dir, UsageFormat.INSTANCE, DATA.with("quantity", "1000000000000000"))).quantity())
                .isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void aStartOutsideTheWindowIsRejectedByItsDay() throws IOException {
        UsageFormat format = UsageFormat.within(new DateWindow(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 11, 21)));

        assertThat(ok(readOne(dir, format, DATA.with("start_time", "2026-11-21T23:59:59")))).isNotNull();
        assertRejected(readOne(dir, format, DATA.with("start_time", "2026-11-22T00:00:00")), "start_time",
                "outside the plausible window 2026-05-20..2026-11-21: '2026-11-22T00:00:00'");
        assertRejected(readOne(dir, format, DATA.with("start_time", "1900-01-01T00:00:00")), "start_time",
                "outside the plausible window 2026-05-20..2026-11-21: '1900-01-01T00:00:00'");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("record_id", "", "required but empty"),
                arguments("source", "", "required but empty"),
                arguments("service_id", "", "required but empty"),
                arguments("usage_type", "SMS", "not one of DATA, VOICE: 'SMS'"),
                arguments("start_time", "2026-11-03", "not a timestamp (YYYY-MM-DDTHH:MM:SS): '2026-11-03'"),
                arguments("quantity", "12.5", "not a whole number: '12.5'"),
                arguments("quantity", "-1", "must not be negative: '-1'"),
                arguments("quantity", "", "required but empty"),
                // one session of 1 PB is the most; 2^63 - 1 is a broken counter
                arguments("quantity", "1000000000000001", "more than 1000000000000000 bytes (1 PB) in one DATA record: '1000000000000001'"),
                arguments("quantity", "9223372036854775807", "more than 1000000000000000 bytes (1 PB) in one DATA record: '9223372036854775807'"),
                arguments("quantity", "9223372036854775808", "too large: '9223372036854775808'"),
                arguments("record_id", "../../x", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - : only): '../../x'"),
                arguments("source", "radius:mtl", "':' is not allowed (A-Z, a-z, 0-9 and . _ - only): 'radius:mtl'"),
                arguments("source", "s".repeat(51), "longer than 50 characters: '" + "s".repeat(40) + "…' (51 characters)"),
                arguments("service_id", "..\\x", "'\\' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): '..\\x'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, UsageFormat.INSTANCE, DATA.with(column, value)), column, reason);
    }
}
