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
            "end_date", "",
            "quantity", "",
            "plan_changes", "",
            "quantity_changes", "",
            "suspensions", "");

    @TempDir
    Path dir;

    @Test
    void readsAnOpenEndedSubscription() throws IOException {
        assertThat(ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD))).isEqualTo(new SubscriptionRow(
                "S100042-1", "100042", "FIBRE-100", "emilie.cote@fibre", LocalDate.of(2026, 3, 15), null));
    }

    @Test
    void readsASubscriptionAsItIsNowWithItsChanges() throws IOException {
        SubscriptionRow row = ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with("quantity", "2")
                .with("plan_changes", "2026-04-21:FIBRE-300; 2026-06-01:FIBRE-1000")
                .with("quantity_changes", "2026-05-10:3")
                .with("suspensions", "2026-07-01..2026-09-01;2026-12-01..")));

        // the history RecurringCharger bills: FIBRE-100 x 2 from the start, FIBRE-300 from Apr 21,
        // FIBRE-1000 from Jun 1, 3 units from May 10, suspended Jul 1 - Aug 31 and from Dec 1 on
        var history = SubscriptionFormat.history(row);
        assertThat(history.planOn(LocalDate.of(2026, 4, 20))).isEqualTo("FIBRE-100");
        assertThat(history.planOn(LocalDate.of(2026, 4, 21))).isEqualTo("FIBRE-300");
        assertThat(history.planOn(LocalDate.of(2026, 6, 1))).isEqualTo("FIBRE-1000");
        assertThat(history.quantityOn(LocalDate.of(2026, 5, 9))).isEqualTo(2);
        assertThat(history.quantityOn(LocalDate.of(2026, 5, 10))).isEqualTo(3);
        assertThat(history.suspendedOn(LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(history.suspendedOn(LocalDate.of(2026, 9, 1))).isFalse();
        assertThat(history.suspendedOn(LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void todaysFilesWithoutTheHistoryColumnsReadAsOnePlanQuantityOne() throws IOException {
        SubscriptionRow row = ok(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.without("quantity")
                .without("plan_changes").without("quantity_changes").without("suspensions")));

        assertThat(row.quantity()).isEqualTo(1);
        assertThat(row.planChanges()).isEmpty();
        assertThat(row.suspensions()).isEmpty();
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
                arguments("service_id", "s".repeat(101), "longer than 100 characters: '" + "s".repeat(40) + "…' (101 characters)"),
                // the history columns
                arguments("quantity", "0", "must be from 1 to 10000: '0'"),
                arguments("quantity", "two", "not a whole number: 'two'"),
                arguments("plan_changes", "FIBRE-300", "expected DATE:VALUE entries separated by ';': 'FIBRE-300'"),
                arguments("plan_changes", "2026-04-31:FIBRE-300", "not a date (YYYY-MM-DD): '2026-04-31'"),
                arguments("plan_changes", "2026-03-15:FIBRE-300", "on or before start_date 2026-03-15: '2026-03-15'"),
                arguments("plan_changes", "2026-04-01:FIBRE/300", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): 'FIBRE/300'"),
                arguments("plan_changes", "2026-04-01:A;2026-04-01:B", "subscription S100042-1: two plan changes on 2026-04-01"),
                arguments("quantity_changes", "2026-04-01:0", "a quantity is a whole number from 1 to 10000: '0'"),
                arguments("suspensions", "2026-05-01..2026-05-01", "reactivated on 2026-05-01, not after the suspension from 2026-05-01"),
                arguments("suspensions", "2026-05-01..;2026-06-01..2026-07-01", "subscription S100042-1: suspensions overlap on 2026-06-01"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, SubscriptionFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }
}
