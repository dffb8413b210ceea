package ca.isp.billing.jobs.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.report.UsageReport;

/**
 * run.sh ingest: the cycle's ingest and rate steps as a job of their own, with the cycle's
 * restart rules (a failed run is resumed, not run again as a new one); and run.sh usage over
 * what it read. The tests run in order on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageIngestJobTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Path RADACCT = HOME.resolveSibling(HOME.getFileName() + "-radacct");
    private static final Path FIXTURES = Path.of("..", "readers", "src", "test", "resources", "fixtures", "freeradius");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.radius.format", () -> "freeradius-detail");
        registry.add("billing.ingest.sources.radius.folder", RADACCT::toString);
        registry.add("billing.ingest.sources.radius.zone", () -> "America/Toronto");
        registry.add("billing.ingest.sources.asterisk.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.asterisk.zone", () -> "America/Toronto");
        registry.add("billing.plausible.usage-back", () -> "2y");
    }

    @Autowired
    private UsageIngestLauncher ingestLauncher;
    @Autowired
    private UsageReport usageReport;

    @BeforeAll
    void importReferenceData() throws IOException {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
    }

    @Test
    @Order(1)
    void aFailedIngestIsResumedByTheSameCommand() throws IOException {
        // given both sources' files, and the rate step made to fail on its first chunk (of unmatched records)
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("detail-")).toList()) {
                Path target = RADACCT.resolve(FIXTURES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Fixtures.drop("calls/asterisk-Master.csv", properties.inbox("asterisk"), "Master.csv");
        faults.arm("rate", 1);

        // when
        CycleOutcome failed = ingestLauncher.ingest();

        // then: ingested and rated as stored (the records of equipment are written rated: 5145550101's two
        // calls), the others stored UNMATCHED, which the failed rate step had to take again
        assertThat(failed.result()).isEqualTo(Result.FAILED);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'RATED'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED'")).isPositive();

        // when the same command runs again
        faults.disarm();
        CycleOutcome resumed = ingestLauncher.ingest();

        // then: the same run resumed and completed, everything rated (or kept UNMATCHED)
        assertThat(resumed.result()).isEqualTo(Result.COMPLETED);
        assertThat(resumed.execution().getJobInstanceId()).isEqualTo(failed.execution().getJobInstanceId());
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'RATED'")).isEqualTo(2); // 5145550101's calls
        // and its reconciliation holds: the call file's lines (counted here) all accounted for
        long callLines = Files.readAllLines(Fixtures.path("calls/asterisk-Master.csv")).stream()
                .filter(line -> !line.isBlank()).count();
        String table = Files.readString(properties.out().resolve("reports").resolve("ingest").resolve("reconciliation.txt"));
        assertThat(table).contains("usage lines read = stored + duplicates + rejected")
                .containsPattern("\n\\s+" + callLines + " = \\d+ \\+ \\d+ \\+ \\d+\n").contains("every equation holds");
    }

    @Test
    @Order(2)
    void theNextRunIsANewOneThatFindsNothingNew() {
        // given everything read
        long records = count("SELECT COUNT(*) FROM usage_record");

        // when
        CycleOutcome next = ingestLauncher.ingest();

        // then
        assertThat(next.result()).isEqualTo(Result.COMPLETED);
        assertThat(next.execution().getJobParameters().getLong("run")).isEqualTo(2L);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records);
    }

    @Test
    @Order(3)
    void usagePerServiceIdentifierAsCsv() {
        // when the usage of November 2025 and of October 2026 is asked for
        List<String> november = usageReport.csv(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1)).lines().toList();
        List<String> october = usageReport.csv(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)).lines().toList();

        // then: the header exactly; bob's one session past 4 GiB (3.5 hours: 12,600 s) in 5 records: its
        // 4 readings, the Stop's interval 23:00 -> 00:30 split at midnight into a record per day; dave's two sessions
        // (600 s + 900 s: the first ended by the NAS's reboot at its 09:10 interim); the calls with
        // their started minutes (120 s = 2 minutes, the unanswered one 0) and no rated amount (no rate table)
        assertThat(november.get(0)).isEqualTo(
                "service_id,records,sessions,upload_bytes,download_bytes,session_seconds,calls,billable_minutes,rated_amount");
        assertThat(november).contains(
                "bob,5,1,4418424085,22462490801,12600,0,0,0.00",
                "dave,5,2,3500000,51000000,1500,0,0,0.00");
        assertThat(october).containsExactly(october.get(0),
                "5145550101,2,0,0,0,0,2,2,0.00",
                "5145550999,1,0,0,0,0,1,0,0.00");
    }
}
