package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * run.sh collections --date D, every day from Thursday 2026-09-03 to Monday 2026-09-21, each
 * date run twice, on the fixtures of DelinquencyCalendarCycleTest (Monday to Thursday, delinquent
 * 1 day past due, suspended 7 days later, Labour Day 2026-09-07 excluded) with a payment file
 * dropped on Friday 09-18. The second run of a date changes no table and rewrites the same lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionsJobTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate FIRST = LocalDate.of(2026, 9, 3);
    private static final LocalDate LAST = LocalDate.of(2026, 9, 21);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> "1");
        registry.add("billing.delinquency.suspend-after-days", () -> "7");
        registry.add("billing.delinquency.allowed-days", () -> "MONDAY,TUESDAY,WEDNESDAY,THURSDAY");
    }

    @Autowired
    private CollectionsLauncher collections;

    private final List<String> secondRunChanges = new ArrayList<>();

    @BeforeAll
    void runEveryDayTwice() throws IOException {
        Fixtures.importAll(importer, "collections-calendar", Kind.EXCLUSION_DATES, Kind.PLANS, Kind.ACCOUNTS,
                Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES);
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            if (day.equals(LocalDate.of(2026, 9, 18))) {
                Files.createDirectories(properties.inbox("payments"));
                Files.writeString(properties.inbox("payments").resolve("payments-2026-09-18.csv"), """
                        payment_ref,account_number,received_on,amount,method
                        BNK-CAL-1,200001,2026-09-18,68.99,BANK
                        """);
            }
            assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
            Map<String, Long> counts = CycleTestSupport.tableCounts(jdbc);
            byte[] suspensions = Files.readAllBytes(list(day, "suspensions.csv"));
            byte[] reactivations = Files.readAllBytes(list(day, "reactivations.csv"));
            assertThat(collections.collect(day).result()).as(day + " again").isEqualTo(Result.ALREADY_COMPLETED);
            if (!counts.equals(CycleTestSupport.tableCounts(jdbc))
                    || !java.util.Arrays.equals(suspensions, Files.readAllBytes(list(day, "suspensions.csv")))
                    || !java.util.Arrays.equals(reactivations, Files.readAllBytes(list(day, "reactivations.csv")))) {
                secondRunChanges.add(day.toString());
            }
        }
    }

    @Test
    void theSecondRunOfADateChangesNothing() {
        assertThat(secondRunChanges).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'collections'")).isEqualTo(19);
    }

    @Test
    void listsHoldEachSuspensionAndReactivationOnceOnItsDay() throws IOException {
        // every list of the 19 days, read as provisioning would: one line per action
        List<List<String>> lines = new ArrayList<>();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            for (String name : List.of("suspensions.csv", "reactivations.csv")) {
                for (CSVRecord r : read(list(day, name))) {
                    lines.add(List.of(day.toString(), r.get("account_number"), r.get("service_identifiers"),
                            r.get("action"), r.get("reason"), r.get("effective_date")));
                }
            }
        }
        // delinquent Tuesday 09-08 (after Friday, the weekend and Labour Day); 09-08 + 7 = Tuesday 09-15 suspended;
        // paid Friday 09-18, restored that day. The service ids starting with + (a formula to a spreadsheet) is quoted.
        assertThat(lines).containsExactly(
                List.of("2026-09-15", "200001", "'+voip.200001|anne.gagnon@nli.example", "SUSPEND",
                        "overdue 68.99, oldest unpaid invoice due 2026-09-03", "2026-09-15"),
                List.of("2026-09-18", "200001", "'+voip.200001|anne.gagnon@nli.example", "RESTORE",
                        "overdue balance paid (was SUSPENDED)", "2026-09-18"));
        assertThat(jdbc.queryForList("""
                SELECT CAST(e.event_date AS VARCHAR(10)) AS d, e.to_status FROM delinquency_event e ORDER BY e.event_date"""))
                .extracting(e -> e.get("D"), e -> e.get("TO_STATUS"))
                .containsExactly(tuple("2026-09-08", "DELINQUENT"), tuple("2026-09-15", "SUSPENDED"),
                        tuple("2026-09-18", "ACTIVE"));
    }

    @Test
    void listsAreOwnerOnlyAndHaveAHeaderEvenWhenEmpty() throws IOException {
        Path quiet = list(LocalDate.of(2026, 9, 4), "suspensions.csv");
        assertThat(Files.readString(quiet)).isEqualTo("account_number,service_identifiers,action,reason,effective_date\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quiet))).isEqualTo("rw-------");
    }

    @Test
    void lateFeesAreChargedOnceByTheDailyRunsToo() {
        // CAL-A1 due 09-03 + 5 grace days = 09-08: the 09-09 run charges the flat 10.00 once, never again;
        // CAL-B1 owes 9.99 >= 5.00: 10.00 too
        assertThat(jdbc.queryForList("""
                SELECT i.invoice_number, CAST(f.assessed_on AS VARCHAR(10)) AS d, f.amount FROM late_fee f
                JOIN invoice i ON i.id = f.invoice_id ORDER BY i.invoice_number"""))
                .extracting(f -> f.get("INVOICE_NUMBER"), f -> f.get("D"), f -> f.get("AMOUNT").toString())
                .containsExactly(tuple("CAL-A1", "2026-09-09", "10.00"), tuple("CAL-B1", "2026-09-09", "10.00"));
    }

    private Path list(LocalDate day, String name) {
        return properties.out().resolve("provisioning").resolve(day.toString()).resolve(name);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
