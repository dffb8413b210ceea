package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * FreeRADIUS's own detail files (readers' fixtures, written by FreeRADIUS 3.2.1 for the packets
 * of make-fixtures.sh, whose README gives what each user sent) read in place through the
 * cycle's ingest step: the folder is the server's, never moved; a file the server is still
 * writing is read up to its last complete record, then again from there. The tests run in
 * order on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RadiusSourceTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    /** The server's accounting folder: {@code <nas-ip>/detail-YYYYMMDD}. */
    private static final Path RADACCT = HOME.resolveSibling(HOME.getFileName() + "-radacct");
    private static final Path FIXTURES = Path.of("..", "readers", "src", "test", "resources", "fixtures", "freeradius");
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final String GROWING = "127.0.0.10/detail-20251102";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.radius.format", () -> "freeradius-detail");
        registry.add("billing.ingest.sources.radius.folder", RADACCT::toString);
        registry.add("billing.ingest.sources.radius.zone", () -> "America/Toronto");
        // the fixtures are of November 2025, a year before the pinned today
        registry.add("billing.plausible.usage-back", () -> "2y");
    }

    @Test
    @Order(1)
    void aFileStillBeingWrittenIsReadUpToItsLastCompleteRecord() throws IOException {
        // given every file the server wrote, the one of 2025-11-02 cut in the middle of a record
        copyFixtures();
        byte[] whole = Files.readAllBytes(FIXTURES.resolve(GROWING));
        int cut = indexOf(whole, "Acct-Status-Type = Interim-Update", 2) + 10;
        Files.write(RADACCT.resolve(GROWING), Arrays.copyOf(whole, cut));
        Files.write(RADACCT.resolve("127.0.0.10/detail-20251031.gz"), new byte[]{0x1f, (byte) 0x8b, 8, 0, 'x', '\n'});

        // when
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: the file's position is the end of its last complete record, before the cut
        long offset = jdbc.queryForObject("SELECT offset_bytes FROM source_file WHERE source = 'radius' AND file_path = ?",
                Long.class, GROWING);
        assertThat(offset).isLessThan(cut).isGreaterThan(0);
        assertThat(whole[(int) offset - 1]).isEqualTo((byte) '\n');
        // and the files are where the server wrote them
        assertThat(RADACCT.resolve("127.0.0.10/detail-20251101")).exists();
        // a copy rotated by logrotate is not one of the server's files: never read
        assertThat(count("SELECT COUNT(*) FROM source_file WHERE file_path LIKE '%.gz'")).isZero();
    }

    @Test
    @Order(2)
    void theRestOfTheFileIsReadNextRunAndEveryUserHasExactlyWhatItSent() throws IOException {
        // given the server finished the file
        Files.copy(FIXTURES.resolve(GROWING), RADACCT.resolve(GROWING), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // when the next run reads it from where the last one stopped
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: the figures of the fixtures' README, exactly
        assertThat(bytesPerUser()).containsExactlyInAnyOrderEntriesOf(expected());
    }

    @Test
    @Order(3)
    void aThirdRunAddsNothing() {
        // given everything read
        long records = count("SELECT COUNT(*) FROM usage_record");

        // when
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records);
        assertThat(bytesPerUser()).containsExactlyInAnyOrderEntriesOf(expected());
    }

    @Test
    @Order(3)
    void bobsBytesCountedAcrossMidnightGoToEachDayByTime() {
        // bob's interim at 23:00 EDT on Nov 1 read upload 1 x 2^32 + 50,000,000 = 4,344,967,296 and
        // download 3 x 2^32 + 123 = 12,884,902,011; his Stop at 00:30 on Nov 2 read 4,418,424,085 and
        // 22,462,490,801. Between them: 73,456,789 up and 9,577,588,790 down over 5,400 s, 3,600 s
        // before midnight: Nov 1 gets floor(73,456,789 x 3600 / 5400) = 48,971,192 up and
        // floor(9,577,588,790 x 3600 / 5400) = 6,385,059,193 down; Nov 2 the rest, 24,485,597 up and
        // 3,192,529,597 down. Nov 1 in all: 4,344,967,296 + 48,971,192 = 4,393,938,488 up,
        // 12,884,902,011 + 6,385,059,193 = 19,269,961,204 down.
        List<org.assertj.core.groups.Tuple> days = jdbc.query("""
                SELECT CAST(start_time AS DATE), SUM(upload_bytes), SUM(download_bytes), SUM(session_seconds)
                FROM usage_record WHERE service_id = 'bob' GROUP BY CAST(start_time AS DATE) ORDER BY 1""",
                (rs, n) -> tuple(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)));

        // seconds by the same rule: of the Stop's 5,400 s, 3,600 on Nov 1 (with the 7,200 before), 1,800 on Nov 2
        assertThat(days).containsExactly(
                tuple(LocalDate.of(2025, 11, 1), 4_393_938_488L, 19_269_961_204L, 10_800L),
                tuple(LocalDate.of(2025, 11, 2), 24_485_597L, 3_192_529_597L, 1_800L));
    }

    @Test
    @Order(4)
    void sessionsEndAsTheirRecordsSay() {
        // when the sessions' state is read back
        List<org.assertj.core.groups.Tuple> sessions = jdbc.query("""
                SELECT user_name, ended_by, upload_bytes, download_bytes FROM radius_session ORDER BY user_name, upload_bytes""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));

        // then: the duplicated Stop and the late interim changed nothing; NAS B's Accounting-On ended
        // dave's and erin's open sessions at their last interim; NAS A's Accounting-Off ended frank's
        assertThat(sessions).containsExactly(
                tuple("alice@fibre.example", "STOP", 3_000_017L, 61_234_567L),
                tuple("bob", "STOP", 4_418_424_085L, 22_462_490_801L),
                tuple("carol@dsl.example", "STOP", 12_345_678L, 234_567_890L),
                tuple("dave", "NAS_RESTART", 1_500_000L, 21_000_000L),
                tuple("dave", "STOP", 2_000_000L, 30_000_000L),
                tuple("erin@fibre.example", "NAS_RESTART", 250_000L, 3_100_000L),
                tuple("frank", "NAS_SHUTDOWN", 300_000_000L, 3_500_000_000L));
        // no subscription has these user names: kept, UNMATCHED, rated when one appears
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status <> 'UNMATCHED'")).isZero();
    }

    @Test
    @Order(5)
    void recordsFindTheirSubscriptionOnceItsIdentifiersAreImported() throws IOException {
        // given: bob is a subscription's own service id; carol's user name and frank's framed IP
        // address (10.1.0.14, the fallback: no subscription has the user name frank) are imported
        // identifiers; three lines of the identifiers file are refused
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS);
        Fixtures.importFile(importer, Kind.SUBSCRIPTIONS, "usage-sources/subscriptions.csv");
        ReferenceDataImporter.Result identifiers = importer.importFile(Kind.SERVICE_IDENTIFIERS,
                Fixtures.path("usage-sources/service-identifiers.csv"));
        assertThat(identifiers.inserted()).isEqualTo(3);
        assertThat(Fixtures.rejects(identifiers.rejectFile()))
                .extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactlyInAnyOrder(
                        tuple("4", "subscription_id", "unknown subscription 'S-NOPE' (import subscriptions first)"),
                        tuple("5", "identifier", "'rad-2' is already the service id of a subscription (subscriptions file)"),
                        tuple("6", "identifier", "not an IPv4 or IPv6 address: '10.1.0.999'"));

        // when the next run rates the UNMATCHED records again
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then
        Map<String, String> owners = new TreeMap<>();
        jdbc.query("""
                SELECT DISTINCT u.service_id, COALESCE(s.subscription_id, u.status) FROM usage_record u
                LEFT JOIN subscription s ON s.id = u.subscription_id""", rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        });
        assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bob", "S-RAD-1", "carol@dsl.example", "S-RAD-2", "frank", "S-RAD-1",
                "alice@fibre.example", "UNMATCHED", "dave", "UNMATCHED", "erin@fibre.example", "UNMATCHED"));
        // the run summary counts what is still unmatched, per source too
        String summary = Files.readString(properties.reports(NOVEMBER).resolve("run-summary.txt"));
        long unmatched = count("SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED'");
        assertThat(summary).contains("records with no matching subscription (kept as UNMATCHED): " + unmatched)
                .contains("of source radius: " + unmatched);
    }

    /** The fixtures' README: upload and download bytes per user. */
    private static Map<String, List<Long>> expected() {
        return Map.of(
                "alice@fibre.example", List.of(3_000_017L, 61_234_567L),
                // 1 x 2^32 + 123,456,789 and 5 x 2^32 + 987,654,321: past 4 GiB
                "bob", List.of(4_418_424_085L, 22_462_490_801L),
                "carol@dsl.example", List.of(12_345_678L, 234_567_890L),
                // 1,500,000 + 2,000,000 and 21,000,000 + 30,000,000 over two sessions
                "dave", List.of(3_500_000L, 51_000_000L),
                "erin@fibre.example", List.of(250_000L, 3_100_000L),
                "frank", List.of(300_000_000L, 3_500_000_000L));
    }

    private Map<String, List<Long>> bytesPerUser() {
        Map<String, List<Long>> perUser = new TreeMap<>();
        jdbc.query("""
                SELECT service_id, SUM(upload_bytes), SUM(download_bytes), SUM(quantity) FROM usage_record
                WHERE source = 'radius' GROUP BY service_id""", rs -> {
            BigDecimal upload = rs.getBigDecimal(2);
            BigDecimal download = rs.getBigDecimal(3);
            // quantity is upload + download, record by record
            assertThat(rs.getBigDecimal(4)).isEqualByComparingTo(upload.add(download));
            perUser.put(rs.getString(1), List.of(upload.longValueExact(), download.longValueExact()));
        });
        return perUser;
    }

    private static void copyFixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("detail-")).toList()) {
                Path target = RADACCT.resolve(FIXTURES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Where the n-th (1 = first) occurrence of the text starts. */
    private static int indexOf(byte[] bytes, String text, int n) {
        String content = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = content.indexOf(text, at + 1);
        }
        assertThat(at).isPositive();
        return at;
    }
}
