package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.CollectionsCalendar;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The delinquency calendar through the cycle's delinquency step, run on consecutive dates around
 * Labour Day 2026 (Monday 09-07). Monday to Thursday allowed, delinquent 1 day past due with at
 * least 10.00 overdue, suspended 7 days later; exclusion dates from fixtures/collections-calendar.
 * <pre>
 * 200001  CAL-A1  due Thursday 2026-09-03  68.99
 * 200002  CAL-B1  due Thursday 2026-09-03   9.99  (under the 10.00 minimum: never delinquent)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelinquencyCalendarCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> "1");
        registry.add("billing.delinquency.suspend-after-days", () -> "7");
        registry.add("billing.delinquency.allowed-days", () -> "MONDAY,TUESDAY,WEDNESDAY,THURSDAY");
    }

    @BeforeAll
    void given() throws IOException {
        Fixtures.importAll(importer, "collections-calendar", Kind.EXCLUSION_DATES, Kind.ACCOUNTS, Kind.OPENING_BALANCES);
    }

    @Test
    @Order(1)
    void importsTheExclusionDatesRejectingImplausibleOnes() throws IOException {
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects()
                .resolve("import-exclusion-dates-exclusion-dates.csv.rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("6", "date", "not a year from 2000 to 2100: '1900-01-01'"),
                        tuple("7", "yearly", "not one of yes, no: 'maybe'"));
        CollectionsCalendar calendar = CollectionsCalendars.load(jdbc,
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        // yearly: Christmas 2026 (Friday, not allowed anyway) and 2028 (Monday), Canada Day 2027 (Thursday)
        assertThat(calendar.allows(LocalDate.of(2028, 12, 25))).isFalse();
        assertThat(calendar.allows(LocalDate.of(2027, 7, 1))).isFalse();
        assertThat(calendar.allows(LocalDate.of(2027, 6, 24))).isFalse();
        // one-off: Labour Day 2026 only
        assertThat(calendar.allows(LocalDate.of(2026, 9, 7))).isFalse();
        assertThat(calendar.allows(LocalDate.of(2027, 9, 7))).isTrue();
    }

    @Test
    @Order(2)
    void turnsDelinquentOnTheFirstAllowedDayAfterTheLongWeekend() {
        // Friday 09-04: 1 day past due, but not an allowed weekday; Monday 09-07: Labour Day
        bill("2026-09-04");
        bill("2026-09-07");
        assertThat(status("200001")).isEqualTo("ACTIVE");
        // Tuesday 09-08: the first allowed day catches up
        bill("2026-09-08");
        assertThat(status("200001")).isEqualTo("DELINQUENT");
        // 9.99 < 10.00 overdue
        assertThat(status("200002")).isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void suspendedSevenDaysLaterThenActiveAgainOncePaid() throws IOException {
        // Monday 09-14: 6 days after 09-08; Tuesday 09-15: 09-08 + 7
        bill("2026-09-14");
        assertThat(status("200001")).isEqualTo("DELINQUENT");
        bill("2026-09-15");
        assertThat(status("200001")).isEqualTo("SUSPENDED");
        // paid in full on Friday 09-18: active again at the next run, although Friday is no cutting day
        Files.createDirectories(properties.inbox("payments"));
        Files.writeString(properties.inbox("payments").resolve("payments-2026-09-18.csv"), """
                payment_ref,account_number,received_on,amount,method
                BNK-CAL-1,200001,2026-09-18,68.99,BANK
                """);
        bill("2026-09-18");
        assertThat(status("200001")).isEqualTo("ACTIVE");

        // one event per change, on the days above
        assertThat(jdbc.queryForList("""
                SELECT CAST(e.event_date AS VARCHAR(10)) AS d, e.from_status, e.to_status FROM delinquency_event e
                JOIN account a ON a.id = e.account_id WHERE a.account_number = '200001' ORDER BY e.event_date"""))
                .extracting(e -> e.get("D"), e -> e.get("FROM_STATUS"), e -> e.get("TO_STATUS"))
                .containsExactly(tuple("2026-09-08", "ACTIVE", "DELINQUENT"),
                        tuple("2026-09-15", "DELINQUENT", "SUSPENDED"),
                        tuple("2026-09-18", "SUSPENDED", "ACTIVE"));
        assertThat(count("SELECT COUNT(*) FROM delinquency_event e JOIN account a ON a.id = e.account_id"
                + " WHERE a.account_number = '200002'")).isZero();
    }

    private void bill(String date) {
        assertThat(launcher.bill(LocalDate.parse(date)).result()).as(date).isEqualTo(Result.COMPLETED);
    }

    private String status(String account) {
        return jdbc.queryForObject("SELECT status FROM account WHERE account_number = ?", String.class, account);
    }
}
