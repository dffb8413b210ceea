package ca.isp.billing.jobs.ingest;

import static ca.isp.billing.jobs.cycle.CycleLauncher.Option.FORCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
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
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.readers.FileFingerprint;

/**
 * Usage files through the cycle's ingest and rate steps, with a hand-written file whose every
 * bad line is known: what is stored, what is rejected (line, field, reason), what is counted,
 * and that the same content under another name, or a file missing a column, changes nothing.
 * The tests run in order, one cycle each, on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageIngestTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 1);
    private static final LocalDate FEBRUARY = LocalDate.of(2027, 2, 1);
    private static final LocalDate MARCH = LocalDate.of(2027, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2027, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2027, 5, 1);

    private static final String MALFORMED = "usage-malformed.csv";

    @BeforeAll
    void importReferenceData() throws IOException {
        // Accounts 100001 and 100002, due 2026-11-01; services alice, 5145550101 and "dupont,marie".
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
    }

    @Test
    @Order(1)
    void countsEveryLineOnce() throws IOException {
        // given: 25 physical lines = the header, 23 records and one blank line (not a record)
        Fixtures.drop(MALFORMED, properties.inbox("usage"), MALFORMED);

        // when
        Result exit = launcher.bill(NOVEMBER).result();

        // then: 23 records = 15 stored + 2 duplicates (lines 13 and 21) + 6 rejected (lines 7 to 12)
        assertThat(exit).isEqualTo(Result.COMPLETED);
        Map<String, Object> file = jdbc.queryForMap("SELECT * FROM ingested_file WHERE kind = 'usage'");
        assertThat(file.get("FILE_NAME")).isEqualTo(MALFORMED);
        assertThat(file.get("SHA256")).isEqualTo(FileFingerprint.sha256(Fixtures.path(MALFORMED)));
        assertThat(file.get("LINES_READ")).isEqualTo(23L);
        assertThat(file.get("RECORDS_STORED")).isEqualTo(15L);
        assertThat(file.get("DUPLICATES")).isEqualTo(2L);
        assertThat(file.get("REJECTED")).isEqualTo(6L);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(15);
    }

    @Test
    @Order(2)
    void rejectsEachBadLineWithItsLineFieldAndReason() throws IOException {
        // given the file of the first cycle

        // when its reject file is read back
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve(MALFORMED + ".rejects.csv"));

        // then: one row per bad line, physical line numbers (the header is line 1)
        assertThat(rejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple(MALFORMED, "7", "quantity", "not a whole number: 'lots'"),
                        tuple(MALFORMED, "8", "quantity", "must not be negative: '-4096'"),
                        tuple(MALFORMED, "9", "start_time", "not a timestamp (YYYY-MM-DDTHH:MM:SS): '2026-10-32T09:00:00'"),
                        tuple(MALFORMED, "10", "usage_type", "not one of DATA, VOICE: 'SMS'"),
                        tuple(MALFORMED, "11", "service_id", "required but empty"),
                        tuple(MALFORMED, "12", "", "expected 6 fields, found 4"));
        // the raw line lets the operator fix and resend it
        assertThat(rejects.get(0).get("raw")).isEqualTo("r-1004,radius-mtl-1,alice,DATA,2026-10-07T09:00:00,lots");
        assertThat(rejects.get(5).get("raw")).isEqualTo("r-1008,radius-mtl-1,alice,DATA");
    }

    @Test
    @Order(3)
    void storesTheGoodRecordsWithTheirQuantitiesAndRatesThem() {
        // given the file of the first cycle

        // when the stored records are read in file order
        List<Tuple> records = new ArrayList<>();
        jdbc.query("""
                SELECT record_id, source, service_id, usage_type, quantity, billable_units, status
                FROM usage_record ORDER BY id""", rs -> {
            records.add(tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    (Long) rs.getObject(6, Long.class), rs.getString(7)));
        });

        // then: DATA is billed in bytes as sent; VOICE in started minutes (61 s = 2, 3599 s = 60, 0 s = 0).
        // Matched records are billed on the November invoice; the unknown service is kept UNMATCHED.
        assertThat(records).containsExactly(
                tuple("r-1001", "radius-mtl-1", "alice", "DATA", 1_500_000_000L, 1_500_000_000L, "BILLED"),
                tuple("r-1002", "radius-mtl-1", "alice", "DATA", 2_250_000_000L, 2_250_000_000L, "BILLED"),
                tuple("r-1003", "radius-mtl-1", "dupont,marie", "DATA", 640_000_000L, 640_000_000L, "BILLED"),
                tuple("c-5001", "pbx-mtl", "5145550101", "VOICE", 61L, 2L, "BILLED"),
                // the first c-5002 (120 s) is kept; the later copy of line 21 (125 s) is a duplicate
                tuple("c-5002", "pbx-mtl", "5145550101", "VOICE", 120L, 2L, "BILLED"),
                tuple("r-1009", "radius-mtl-1", "ghost", "DATA", 300_000_000L, null, "UNMATCHED"),
                // same record id as line 2 but another source: another record
                tuple("r-1001", "radius-qc-2", "dupont,marie", "DATA", 800_000_000L, 800_000_000L, "BILLED"),
                tuple("c-5003", "pbx-mtl", "5145550101", "VOICE", 0L, 0L, "BILLED"),
                tuple("r-1010", "radius-mtl-1", "alice", "DATA", 3_000_000_000L, 3_000_000_000L, "BILLED"),
                tuple("r-1011", "radius-mtl-1", "dupont,marie", "DATA", 120_000_000L, 120_000_000L, "BILLED"),
                // usage_type "voice" in lower case is read as VOICE
                tuple("c-5004", "pbx-mtl", "5145550101", "VOICE", 3599L, 60L, "BILLED"),
                tuple("r-1012", "radius-mtl-1", "alice", "DATA", 750_000_000L, 750_000_000L, "BILLED"),
                tuple("r-1013", "radius-mtl-1", "dupont,marie", "DATA", 95_000_000L, 95_000_000L, "BILLED"),
                tuple("c-5005", "pbx-mtl", "5145550101", "VOICE", 45L, 1L, "BILLED"),
                tuple("r-1014", "radius-mtl-1", "alice", "DATA", 1000L, 1000L, "BILLED"));
        // each billed record is on its own account's invoice of the cycle
        assertThat(count("""
                SELECT COUNT(*) FROM usage_record u JOIN invoice i ON i.id = u.invoice_id
                WHERE i.cycle_date = ? AND i.account_id = u.account_id""", NOVEMBER)).isEqualTo(14);
        // VOICE of 5145550101: 2 + 2 + 0 + 60 + 1 = 65 minutes
        assertThat(count("SELECT SUM(billable_units) FROM usage_record WHERE service_id = '5145550101'")).isEqualTo(65);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED' AND account_id IS NULL")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void movesTheFileToTheArchive() throws IOException {
        // given the file of the first cycle

        // when the folders are looked at

        // then it left the inbox, unchanged
        Path archived = properties.archive("usage").resolve(MALFORMED);
        assertThat(archived).exists();
        assertThat(Files.mismatch(archived, Fixtures.path(MALFORMED))).isEqualTo(-1L);
        assertThat(filesIn(properties.inbox("usage"))).isEmpty();
    }

    @Test
    @Order(5)
    void sameContentUnderAnotherNameIsNotIngestedAgain() throws IOException {
        // given: the November file again, renamed, in December
        Fixtures.drop(MALFORMED, properties.inbox("usage"), "usage-copy.csv");

        // when
        Result exit = launcher.bill(DECEMBER, FORCE).result();

        // then: nothing stored twice, the copy archived as it is and no reject file made for it
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForList("SELECT file_name FROM ingested_file WHERE sha256 = ?", String.class,
                FileFingerprint.sha256(Fixtures.path(MALFORMED)))).containsExactly(MALFORMED);
        assertThat(count("SELECT COUNT(*) FROM ingested_file")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(15);
        assertThat(properties.archive("usage").resolve("usage-copy.csv")).exists();
        assertThat(filesIn(properties.inbox("usage"))).isEmpty();
        assertThat(properties.rejects().resolve("usage-copy.csv.rejects.csv")).doesNotExist();
        // the unknown service was looked up again and is still kept
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED'")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void fileMissingARequiredColumnIsRejectedWholeAndTheCycleCompletes() throws IOException {
        // given: a file whose header says "bytes" where "quantity" is required
        String name = "usage-missing-quantity.csv";
        Fixtures.drop(name, properties.inbox("usage"), name);

        // when
        Result exit = launcher.bill(JANUARY, FORCE).result();

        // then: the cycle completes; the file is set aside in var/rejects with a reject file saying why
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(properties.rejects().resolve(name)).exists();
        assertThat(properties.archive("usage").resolve(name)).doesNotExist();
        assertThat(filesIn(properties.inbox("usage"))).isEmpty();
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve(name + ".rejects.csv"));
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("file")).isEqualTo(name);
        assertThat(rejects.get(0).get("line")).isEqualTo("1");
        // the reason alone: the file column already names the file
        assertThat(rejects.get(0).get("reason")).isEqualTo("missing required column 'quantity'");
        // nothing of it is kept: not recorded as ingested, so a corrected file can come later
        assertThat(count("SELECT COUNT(*) FROM ingested_file")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(15);
    }

    @Test
    @Order(7)
    void newContentUnderAnArchivedNameKeepsTheEarlierFileAndItsRejects() throws IOException {
        // given: an exporter that always writes the same file name, now with February's records
        String novemberSha = FileFingerprint.sha256(Fixtures.path(MALFORMED));
        Fixtures.drop("usage-november.csv", properties.inbox("usage"), MALFORMED);

        // when
        Result exit = launcher.bill(FEBRUARY, FORCE).result();

        // then: the new records are stored (15 + 2), and the earlier file and its 6 rejects are still kept
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(17);
        List<String> archivedShas = filesIn(properties.archive("usage")).stream().map(FileFingerprint::sha256).toList();
        // archived: the November file, its December copy (same bytes) and the new file
        assertThat(archivedShas).filteredOn(novemberSha::equals).hasSize(2);
        assertThat(archivedShas).contains(FileFingerprint.sha256(Fixtures.path("usage-november.csv")));
        List<String> rejectedLines = new ArrayList<>();
        for (Path rejectFile : filesIn(properties.rejects())) {
            if (rejectFile.toString().endsWith(".rejects.csv")) {
                Fixtures.rejects(rejectFile).forEach(r -> rejectedLines.add(r.get("file") + ":" + r.get("line")));
            }
        }
        assertThat(rejectedLines).contains(MALFORMED + ":7", MALFORMED + ":12");
        // the earlier file keeps its name; the new one carries the first 8 hex digits of its SHA-256
        assertThat(Files.mismatch(properties.archive("usage").resolve(MALFORMED), Fixtures.path(MALFORMED))).isEqualTo(-1L);
        Path renamed = properties.archive("usage").resolve("usage-malformed." + sha8("usage-november.csv") + ".csv");
        assertThat(Files.mismatch(renamed, Fixtures.path("usage-november.csv"))).isEqualTo(-1L);
        assertThat(Fixtures.rejects(properties.rejects().resolve(MALFORMED + ".rejects.csv"))).hasSize(6);
    }

    @Test
    @Order(8)
    void badLinesOfNewContentUnderAUsedNameGoToTheirOwnRejectFile() throws IOException {
        // given: a third content named usage-malformed.csv with one bad line, and the partial reject
        // file a crashed earlier attempt at this very file would have left under the same name
        String sha8 = sha8("usage-reused-name.csv");
        Path rejectFile = properties.rejects().resolve(MALFORMED + "." + sha8 + ".rejects.csv");
        Files.writeString(rejectFile, "file,line,field,reason,raw\n" + MALFORMED + ",3,quan");
        Fixtures.drop("usage-reused-name.csv", properties.inbox("usage"), MALFORMED);

        // when
        Result exit = launcher.bill(MARCH, FORCE).result();

        // then: 2 records = 1 stored (17 + 1) + 1 rejected into the file named by content, written afresh
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(18);
        List<CSVRecord> rejects = Fixtures.rejects(rejectFile);
        assertThat(rejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"),
                        r -> r.get("raw"))
                .containsExactly(tuple(MALFORMED, "3", "quantity", "not a whole number: 'many'",
                        "r-4002,radius-mtl-1,alice,DATA,2027-02-04T08:00:00,many"));
        // the November file's rejects are untouched
        assertThat(Fixtures.rejects(properties.rejects().resolve(MALFORMED + ".rejects.csv"))).hasSize(6);
        assertThat(properties.archive("usage").resolve("usage-malformed." + sha8 + ".csv")).exists();
    }

    @Test
    @Order(9)
    void unreadableFileUnderAUsedNameIsSetAsideWithoutReplacingAnything() throws IOException {
        // given: a file missing its quantity column, named like the files before
        String sha8 = sha8("usage-missing-quantity.csv");
        Fixtures.drop("usage-missing-quantity.csv", properties.inbox("usage"), MALFORMED);

        // when
        Result exit = launcher.bill(APRIL, FORCE).result();

        // then: set aside in var/rejects under a name of its own, with a reject file of its own
        assertThat(exit).isEqualTo(Result.COMPLETED);
        Path setAside = properties.rejects().resolve("usage-malformed." + sha8 + ".csv");
        assertThat(Files.mismatch(setAside, Fixtures.path("usage-missing-quantity.csv"))).isEqualTo(-1L);
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve(MALFORMED + "." + sha8 + ".rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("reason"))
                .containsExactly(tuple(MALFORMED, "1", "missing required column 'quantity'"));
        assertThat(Fixtures.rejects(properties.rejects().resolve(MALFORMED + ".rejects.csv"))).hasSize(6);
        assertThat(properties.rejects().resolve(MALFORMED)).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(18);
    }

    @Test
    @Order(10)
    void fileLeftInTheInboxAfterItsIngestIsArchivedUnderTheSameName() throws IOException {
        // given: the file of the March cycle back in the inbox, as after a crash between commit and move
        List<Path> archivedBefore = filesIn(properties.archive("usage"));
        List<Path> rejectsBefore = filesIn(properties.rejects());
        Fixtures.drop("usage-reused-name.csv", properties.inbox("usage"), MALFORMED);

        // when
        Result exit = launcher.bill(MAY, FORCE).result();

        // then: not ingested again, and it lands where the first run put it: no new name anywhere
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(18);
        assertThat(filesIn(properties.inbox("usage"))).isEmpty();
        assertThat(filesIn(properties.archive("usage"))).isEqualTo(archivedBefore);
        assertThat(filesIn(properties.rejects())).isEqualTo(rejectsBefore);
    }

    /** The first 8 hex digits of a fixture's SHA-256: what a file of that content is renamed with. */
    private static String sha8(String fixture) {
        return FileFingerprint.sha256(Fixtures.path(fixture)).substring(0, 8);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
