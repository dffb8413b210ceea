package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.UsageRow;

/**
 * The generic usage CSV stored rated by the ingest step (run.sh ingest: ingest, rate,
 * usageReconciliation): each record written once with its status, subscription, account, units
 * and amount, so the rate step has nothing to read for a matched record; an unmatched one is
 * stored UNMATCHED and rated by the rate step of a later run, once its identifier is imported;
 * a file whose ingest died half-way is read again whole, nothing stored twice. The tests run in
 * order on the same database. Services: alice (FIBRE-100), 5145550101 (VOIP-BASIC, which has a
 * rate table here), "dupont,marie" (FIBRE-100).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageCsvRatedAsStoredTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final String HEADER = "record_id,source,service_id,usage_type,start_time,quantity\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private UsageIngestLauncher ingest;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @BeforeAll
    void importReferenceData() throws IOException {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        // VOIP-BASIC's rate table: its calls are priced by it (a call not answered at 0.00)
        assertThat(importer.importFile(Kind.RATES, Fixtures.path("rating/rates.csv")).inserted()).isEqualTo(9);
        assertThat(importer.importFile(Kind.RATE_BANDS, Fixtures.path("rating/rate-bands.csv")).inserted()).isEqualTo(2);
    }

    @Test
    @Order(1)
    void aMatchedRecordIsStoredRatedInOneWriteAndTheRateStepReadsNothing() throws IOException {
        // given a file of matched records only
        drop("usage-matched.csv", HEADER
                + "r-1,radius-mtl-1,alice,DATA,2026-11-02T09:00:00,1500000000\n"
                + "r-2,radius-qc-2,\"dupont,marie\",DATA,2026-11-03T09:00:00,640000000\n"
                // a usage CSV line says not how a call ended: no talk time, not answered, billed nothing
                + "c-1,pbx-mtl,5145550101,VOICE,2026-11-02T10:00:00,0\n");

        // when run.sh ingest runs
        CycleOutcome run = ingest.ingest();

        // then each record is stored RATED by the ingest step, with its subscription, account and units
        assertThat(run.result()).isEqualTo(Result.COMPLETED);
        assertThat(records("r-1", "r-2", "c-1")).containsExactly(
                tuple("r-1", "RATED", "S100001-1", "100001", 1_500_000_000L, null, null),
                tuple("r-2", "RATED", "S100002-1", "100002", 640_000_000L, null, null),
                tuple("c-1", "RATED", "S100001-2", "100001", 0L, new BigDecimal("0.00"), "not answered"));
        // in one write: the ingest step wrote the 3, the rate step read (and so updated) none of them
        assertThat(stepCounts(run, "ingest")).containsExactly(3L, 3L);
        assertThat(stepCounts(run, "ratePartition:%")).containsExactly(0L, 0L);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
        // and what run.sh ingest prints counts them by their stored status, not by the rate step's items
        assertThat(run.message()).contains("usage records not billed yet, by stored status: rated 3, unmatched 0,"
                + " rating gaps 0").doesNotContain("not rated yet");
    }

    @Test
    @Order(2)
    void anUnmatchedRecordIsStoredUnmatchedAndRatedByALaterRunOnceItsIdentifierIsImported() throws IOException {
        // given a record of a service no subscription has yet, and a call with talk time
        drop("usage-unmatched.csv", HEADER
                + "r-3,radius-mtl-1,nobody-yet,DATA,2026-11-04T09:00:00,300000000\n"
                // talk time and no disposition: answered (as the rate step always read it); no number
                // dialed on a usage CSV line, so the plan's rate table prices it not: a rating gap
                + "c-2,pbx-mtl,5145550101,VOICE,2026-11-04T10:00:00,61\n");

        // when run.sh ingest runs
        CycleOutcome first = ingest.ingest();

        // then they are stored UNMATCHED (no subscription, no account) and RATING_GAP, which the rate step takes again
        assertThat(first.result()).isEqualTo(Result.COMPLETED);
        assertThat(records("r-3", "c-2")).containsExactly(
                tuple("r-3", "UNMATCHED", null, null, null, null, null),
                tuple("c-2", "RATING_GAP", "S100001-2", "100001", null, null,
                        "destination '' is not a phone number"));
        assertThat(stepCounts(first, "ingest")).containsExactly(2L, 2L);
        assertThat(stepCounts(first, "ratePartition:%")).containsExactly(2L, 2L);
        assertThat(first.message()).contains("by stored status: rated 3, unmatched 1, rating gaps 1");

        // when nobody-yet becomes a user name of alice's internet subscription and the next run rates again
        Path identifiers = Files.writeString(HOME.resolve("service-identifiers.csv"),
                "subscription_id,kind,identifier\nS100001-1,USER_NAME,nobody-yet\n", StandardCharsets.UTF_8);
        assertThat(importer.importFile(Kind.SERVICE_IDENTIFIERS, identifiers).inserted()).isEqualTo(1);
        CycleOutcome later = ingest.ingest();

        // then the rate step of that run (no file read) rated it: RATED, alice's, its bytes as units
        assertThat(later.result()).isEqualTo(Result.COMPLETED);
        assertThat(stepCounts(later, "ingest")).containsExactly(0L, 0L);
        assertThat(stepCounts(later, "ratePartition:%")).containsExactly(2L, 2L);
        assertThat(records("r-3", "c-2")).containsExactly(
                tuple("r-3", "RATED", "S100001-1", "100001", 300_000_000L, null, null),
                tuple("c-2", "RATING_GAP", "S100001-2", "100001", null, null,
                        "destination '' is not a phone number"));
        assertThat(later.message()).contains("by stored status: rated 4, unmatched 0, rating gaps 1");
    }

    /** An ingester that dies (throws) after storing its second batch, its file's transaction not committed. */
    private static final class DiesMidFile extends UsageFileIngester {

        private int batches;

        DiesMidFile(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties) {
            super(jdbc, UsageRating.load(jdbc), transactionManager, properties, DateWindow.ANY);
        }

        @Override
        protected BatchCounts store(List<Parsed.Ok<UsageRow>> batch, String fileName, long fileId,
                                    RejectFileWriter rejects) {
            BatchCounts stored = super.store(batch, fileName, fileId, rejects);
            if (++batches == 2) {
                throw new IllegalStateException("died after batch 2");
            }
            return stored;
        }
    }

    @Test
    @Order(3)
    void aFileWhoseIngestDiedHalfWayIsReadAgainWholeNothingTwice() throws IOException {
        // given a file of 2,500 records (three batches of at most 1,000) whose ingest died after its
        // second batch was inserted: the transaction of the file never committed, as after a kill -9
        // (the reliability suite kills the process for real: H2KillMatrixIT)
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 2500; i++) {
            csv.append("k-").append(i).append(",radius-mtl-1,alice,DATA,2026-11-05T09:00:00,").append(1000L * i)
                    .append('\n');
        }
        drop("usage-big.csv", csv.toString());
        long before = count("SELECT COUNT(*) FROM usage_record");
        DiesMidFile dying = new DiesMidFile(jdbc, transactionManager, properties);
        StepContribution contribution = TaskletRuns.contribution();
        assertThatThrownBy(() -> TaskletRuns.execute(transactionManager, dying, contribution))
                .hasMessageContaining("died after batch 2");
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM ingested_file WHERE file_name = 'usage-big.csv'")).isZero();
        assertThat(properties.inbox("usage").resolve("usage-big.csv")).exists();

        // when run.sh ingest runs
        CycleOutcome run = ingest.ingest();

        // then the whole file is stored once, each record rated as stored (the rate step read none of them)
        assertThat(run.result()).isEqualTo(Result.COMPLETED);
        assertThat(stepCounts(run, "ingest")).containsExactly(2500L, 2500L);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE record_id LIKE 'k-%'")).isEqualTo(2500);
        assertThat(count("SELECT COUNT(DISTINCT record_id) FROM usage_record WHERE record_id LIKE 'k-%'")).isEqualTo(2500);
        assertThat(count("""
                SELECT COUNT(*) FROM usage_record WHERE record_id LIKE 'k-%' AND status = 'RATED'
                AND billable_units = quantity AND account_id IS NOT NULL""")).isEqualTo(2500);
        assertThat(count("SELECT SUM(billable_units) FROM usage_record WHERE record_id LIKE 'k-%'"))
                .isEqualTo(1000L * 2500 * 2501 / 2);
        assertThat(count("""
                SELECT COUNT(*) FROM ingested_file WHERE file_name = 'usage-big.csv'
                AND records_stored = 2500 AND duplicates = 0""")).isEqualTo(1);
        // the rate step read only the rating gap it takes on every run
        assertThat(stepCounts(run, "ratePartition:%")).containsExactly(1L, 1L);
        assertThat(properties.inbox("usage").resolve("usage-big.csv")).doesNotExist();
        assertThat(run.message()).contains("by stored status: rated 2504, unmatched 0, rating gaps 1");
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(properties.inbox("usage"));
        Files.writeString(properties.inbox("usage").resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Status, subscription, account number, units, amount and note of the records, in id order. */
    private List<Tuple> records(String... recordIds) {
        List<Tuple> found = new ArrayList<>();
        jdbc.query("""
                SELECT u.record_id, u.status, s.subscription_id, a.account_number, u.billable_units, u.rated_amount,
                    u.rating_note
                FROM usage_record u LEFT JOIN subscription s ON s.id = u.subscription_id
                LEFT JOIN account a ON a.id = u.account_id
                WHERE u.record_id IN (""" + "'" + String.join("', '", recordIds) + "'" + ") ORDER BY u.id", rs -> {
            found.add(tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, Long.class), rs.getBigDecimal(6), rs.getString(7)));
        });
        return found;
    }

    /** Items read and written by a step (its partitions summed: a name with %) in one run. */
    private List<Long> stepCounts(CycleOutcome run, String stepName) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(READ_COUNT), 0), COALESCE(SUM(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE ?""",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), run.execution().getId(), stepName);
    }
}
