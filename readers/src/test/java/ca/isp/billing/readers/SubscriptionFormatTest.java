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
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SubscriptionFormatTest {

    private static final TestRecord GOOD = TestRecord.of(
            "subscription_id", "S100042-1",
            "account_number", "100042",
            "plan_code", "FIBRE-100",
            "service_id", "emilie.cote@fibre",
            "start_date", "2026-03-15",
            "end_date", "");

    @TempDir
    Path dir;

    @Test
    void readsAnOpenEndedSubscription() throws IOException {
        assertThat(ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD))).isEqualTo(new SubscriptionRow(
                "S100042-1", "100042", "FIBRE-100", "emilie.cote@fibre", LocalDate.of(2026, 3, 15), null));
    }

    @Test
    void endDateIsInclusiveSoOneDayOfServiceIsValid() throws IOException {
        SubscriptionRow row = ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with("end_date", "2026-03-15")));

        assertThat(row.endDate()).isEqualTo(row.startDate());
    }

    @Test
    void endDateColumnMayBeAbsent() throws IOException {
        assertThat(ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.without("end_date"))).endDate()).isNull();
    }

    @Test
    void serviceIdsTakeUserNamesPhoneNumbersAndMacAddresses() throws IOException {
        for (String serviceId : new String[] {"emilie@nli.example", "+15145550101", "00:1a:2b:3c:4d:5e", "dupont,marie"}) {
            assertThat(ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with("service_id", serviceId))).serviceId())
                    .isEqualTo(serviceId);
        }
    }

    @Test
    void datesOutsideTheWindowAreRejected() throws IOException {
        SubscriptionFormat format = SubscriptionFormat.within(
                new DateWindow(LocalDate.of(1996, 11, 20), LocalDate.of(2036, 11, 20)));

        assertThat(ok(readOne(dir, format, GOOD))).isNotNull();
        assertRejected(readOne(dir, format, GOOD.with("start_date", "1900-01-01")), "start_date",
                "outside the plausible window 1996-11-20..2036-11-20: '1900-01-01'");
        assertRejected(readOne(dir, format, GOOD.with("end_date", "9999-12-31")), "end_date",
                "outside the plausible window 1996-11-20..2036-11-20: '9999-12-31'");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("subscription_id", "", "required but empty"),
                arguments("account_number", "", "required but empty"),
                arguments("plan_code", "", "required but empty"),
                arguments("service_id", "", "required but empty"),
                arguments("start_date", "2026-03-32", "not a date (YYYY-MM-DD): '2026-03-32'"),
                arguments("end_date", "2026-03-14", "before start_date 2026-03-15: '2026-03-14'"),
                arguments("end_date", "never", "not a date (YYYY-MM-DD): 'never'"),
                arguments("subscription_id", "S1\\2", "'\\' is not allowed (A-Z, a-z, 0-9 and . _ - only): 'S1\\2'"),
                arguments("subscription_id", ".S1", "must start with a letter or a digit: '.S1'"),
                arguments("account_number", "/tmp/x", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '/tmp/x'"),
                arguments("plan_code", "..", "must start with a letter or a digit: '..'"),
                arguments("service_id", "a/b@realm", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): 'a/b@realm'"),
                arguments("service_id", "-x", "must start with a letter, a digit or +: '-x'"),
                arguments("service_id", "s".repeat(101), "longer than 100 characters: '" + "s".repeat(40) + "…' (101 characters)"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }
}
