package ca.isp.billing.readers;

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

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("subscription_id", "", "required but empty"),
                arguments("account_number", "", "required but empty"),
                arguments("plan_code", "", "required but empty"),
                arguments("service_id", "", "required but empty"),
                arguments("start_date", "2026-03-32", "not a date (YYYY-MM-DD): '2026-03-32'"),
                arguments("end_date", "2026-03-14", "before start_date 2026-03-15: '2026-03-14'"),
                arguments("end_date", "never", "not a date (YYYY-MM-DD): 'never'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }
}
