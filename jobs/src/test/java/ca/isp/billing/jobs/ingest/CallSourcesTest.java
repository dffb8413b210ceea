package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Asterisk's and FreeSWITCH's call files through the inbox of their own sources
 * (billing.ingest.sources.*): calls become VOICE records with what was billed, the number dialed
 * and how the call ended; the same file again, under another name too, adds nothing. The tests
 * run in order on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallSourcesTest extends AbstractCycleTest {

    private static final java.nio.file.Path HOME = newHome();
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.asterisk.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.asterisk.zone", () -> "America/Toronto");
        registry.add("billing.ingest.sources.switch2.format", () -> "freeswitch-csv");
        registry.add("billing.ingest.sources.switch2.zone", () -> "America/Toronto");
    }

    @BeforeAll
    void importReferenceData() throws IOException {
        // 5145550101 is the VOIP-BASIC subscription S100001-2 of account 100001
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
    }

    @Test
    @Order(1)
    void callsBecomeVoiceRecordsWithWhatWasBilled() throws IOException {
        // given a Master.csv of each switch in its source's inbox
        Fixtures.drop("calls/asterisk-Master.csv", properties.inbox("asterisk"), "Master-20261007.csv");
        Fixtures.drop("calls/freeswitch-Master.csv", properties.inbox("switch2"), "Master.csv");

        // when
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: the seconds billed (0 when not answered), the number dialed, the disposition, and the
        // started minutes of the rate step (120 s = 2 minutes, 61 s = 2 minutes, 90 s = 2 minutes)
        List<Tuple> calls = jdbc.query("""
                SELECT source, service_id, destination, disposition, quantity, billable_units, status
                FROM usage_record ORDER BY start_time""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        (Long) rs.getObject(6), rs.getString(7)));
        assertThat(calls).containsExactly(
                tuple("asterisk", "5145550101", "18005550199", "ANSWERED", 120L, 2L, "BILLED"),
                tuple("asterisk", "5145550101", "5145550177", "NO_ANSWER", 0L, 0L, "BILLED"),
                tuple("asterisk", "5145550999", "4165550123", "ANSWERED", 90L, null, "UNMATCHED"),
                tuple("switch2", "5145550101", "18005550199", "ANSWERED", 61L, 2L, "BILLED"),
                tuple("switch2", "5145550101", "5145550188", "NO_ANSWER", 0L, 0L, "BILLED"));
        // the line with a disposition Asterisk never writes is rejected with its line and reason
        assertThat(Fixtures.rejects(properties.rejects().resolve("Master-20261007.csv.rejects.csv")))
                .extracting(r -> r.get("line"), r -> r.get("field"))
                .containsExactly(tuple("4", "disposition"));
        // each file archived under its source
        assertThat(properties.archive("asterisk").resolve("Master-20261007.csv")).exists();
        assertThat(properties.archive("switch2").resolve("Master.csv")).exists();
    }

    @Test
    @Order(2)
    void theSameFileAgainAlsoUnderAnotherNameAddsNothing() throws IOException {
        // given the same Asterisk file again, under its name and under another
        long records = count("SELECT COUNT(*) FROM usage_record");
        Fixtures.drop("calls/asterisk-Master.csv", properties.inbox("asterisk"), "Master-20261007.csv");
        Fixtures.drop("calls/asterisk-Master.csv", properties.inbox("asterisk"), "Master-copy.csv");

        // when
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: archived unread, nothing stored
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records);
        assertThat(count("SELECT COUNT(*) FROM ingested_file WHERE kind = 'asterisk'")).isEqualTo(1);
        try (var left = Files.list(properties.inbox("asterisk"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @Order(3)
    void aCallAlreadyStoredInAnotherFileIsADuplicate() throws IOException {
        // given a file (new content) holding a call already stored and a new one
        long records = count("SELECT COUNT(*) FROM usage_record");
        List<String> lines = Files.readAllLines(Fixtures.path("calls/asterisk-Master.csv"));
        String newCall = lines.get(2).replace("2026-10-05 09:0", "2026-10-08 09:0");
        Files.write(properties.inbox("asterisk").resolve("Master-20261008.csv"), List.of(lines.get(0), newCall));

        // when
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: one stored, one duplicate
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records + 1);
        assertThat(jdbc.queryForList("SELECT records_stored, duplicates FROM ingested_file WHERE file_name = ?",
                "Master-20261008.csv").get(0)).containsValues(1L, 1L);
    }

    @Test
    @Order(4)
    void aBatchWithCallsStoredBeforeIsUndoneThenStoredWithoutThem() throws IOException {
        // given a file of 1,150 new calls, then (in its second batch of 1,000) 100 of its first calls again
        // and a call stored by an earlier file: the second batch's insert meets stored calls (some in this
        // very transaction), is rolled back to its savepoint, and its new calls are stored after a lookup
        long records = count("SELECT COUNT(*) FROM usage_record");
        List<String> lines = Files.readAllLines(Fixtures.path("calls/asterisk-Master.csv"));
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<String> file = new java.util.ArrayList<>();
        for (int i = 0; i < 1150; i++) {
            java.time.LocalDateTime start = java.time.LocalDateTime.of(2026, 10, 9, 8, 0).plusSeconds(60L * i);
            file.add(lines.get(0).replace("2026-10-04 10:00:00", start.format(time))
                    .replace("2026-10-04 10:00:05", start.plusSeconds(5).format(time))
                    .replace("2026-10-04 10:02:05", start.plusSeconds(125).format(time)));
        }
        file.addAll(file.subList(0, 100));
        file.add(lines.get(0)); // stored by the first test's file
        Files.write(properties.inbox("asterisk").resolve("Master-20261009.csv"), file);

        // when
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: each new call once, the 101 others duplicates, all rated
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records + 1150);
        assertThat(jdbc.queryForList("SELECT lines_read, records_stored, duplicates FROM ingested_file WHERE file_name = ?",
                "Master-20261009.csv").get(0)).containsValues(1251L, 1150L, 101L);
        assertThat(count("""
                SELECT COUNT(*) FROM usage_record WHERE source = 'asterisk' AND start_time >= TIMESTAMP '2026-10-09 00:00:00'
                    AND start_time < TIMESTAMP '2026-10-11 00:00:00' AND billable_units = 2""")).isEqualTo(1150);
    }
}
