package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.rate.RatedUsage;
import ca.isp.billing.jobs.rate.UsageRating;

/**
 * The usage insert writes each record's every column as given, on H2 and on MariaDB: batches of
 * 250 or 251 (two statements of 100 rows and one of the rest), a batch where every column is
 * filled by some record (calls and RADIUS readings mixed, matched and unmatched; the framed IP
 * null in the whole first statement, not in the others), and a batch of calls of a file, whose
 * byte-count columns are left out of the INSERT and read back NULL; a start time with more than
 * milliseconds is stored truncated to the millisecond on both databases.
 */
class RatedUsageInsertTest {

    private static final String COLUMNS = """
            source, record_id, service_id, usage_type, start_time, quantity, upload_bytes, download_bytes,
            session_seconds, session_key, framed_ip, destination, disposition, file_id, status, subscription_id,
            account_id, billable_units, rated_amount, rate_band, rating_note""";

    @Test
    void everyColumnIsStoredAsGivenOnH2() throws Exception {
        try (BillingRun h2 = BillingRun.onH2()) {
            everyColumnIsStoredAsGiven(h2);
        }
    }

    @Test
    void everyColumnIsStoredAsGivenOnMariaDb() throws Exception {
        MariaDbSchema schema = MariaDbSchema.create("billing_usage_insert", getClass());
        try (BillingRun maria = BillingRun.start(Files.createTempDirectory("billing-usage-insert-"), schema.url(),
                schema.user, schema.password, Map.of())) {
            everyColumnIsStoredAsGiven(maria);
        } finally {
            schema.drop();
        }
    }

    private void everyColumnIsStoredAsGiven(BillingRun run) throws Exception {
        // given: alice is FIBRE-100's user name, 5145550101 the VOIP-BASIC number of account 100001
        Fixtures.importAll(run.bean(ReferenceDataImporter.class), "reference", Kind.PLANS, Kind.TAX_RATES,
                Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        JdbcTemplate jdbc = run.jdbc();
        UsageRating rating = UsageRating.load(jdbc);
        RatedUsageInsert insert = new RatedUsageInsert(jdbc, rating);
        TransactionTemplate transaction = new TransactionTemplate(run.bean(PlatformTransactionManager.class));
        jdbc.update("""
                INSERT INTO ingested_file (kind, file_name, sha256, lines_read, records_stored, duplicates, rejected,
                    ingested_at) VALUES ('pbx', 'Master.csv', 'aa', 0, 0, 0, 0, CURRENT_TIMESTAMP)""");
        long fileId = jdbc.queryForObject("SELECT id FROM ingested_file", Long.class);
        List<RatedUsageInsert.NewUsage> mixed = new ArrayList<>();
        List<RatedUsageInsert.NewUsage> calls = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 10, 9, 8, 0, 1, 250_000_000); // milliseconds kept
        for (int i = 0; i < 250; i++) {
            mixed.add(i % 2 == 0
                    ? call("mixed-" + i, i % 4 == 0 ? "5145550101" : "5145559999", start.plusMinutes(i), 60L + i, null)
                    : new RatedUsageInsert.NewUsage("radius", "mixed-" + i, i % 3 == 0 ? "alice" : "nobody@x",
                            UsageType.DATA, start.plusMinutes(i), 3_000L + i, 1_000L + i, 2_000L, 300L + i, "S" + i,
                            // no address in the whole first statement of 100 rows, some in the others
                            i < 100 || i % 5 == 0 ? null : "10.0.0." + (i % 200), null, null, null));
            calls.add(call("calls-" + i, "5145550101", start.plusHours(i), 61, fileId));
        }
        // more than milliseconds (a usage CSV may have them): stored truncated to the millisecond
        RatedUsageInsert.NewUsage precise = call("precise", "5145550101",
                LocalDateTime.of(2026, 11, 30, 23, 59, 59, 999_600_000), 61, fileId);
        calls.add(precise);

        // when
        transaction.executeWithoutResult(status -> {
            insert.insert(mixed);
            insert.insert(calls);
        });

        // then: each column as the record and its rating give it (the rating asked again, the same answers)
        List<RatedUsage> ratedMixed = rating.rate(mixed.stream().map(RatedUsageInsert.NewUsage::toRate).toList());
        List<RatedUsage> ratedCalls = rating.rate(calls.stream().map(RatedUsageInsert.NewUsage::toRate).toList());
        assertThat(ratedMixed).extracting(r -> r.status().name()).contains("RATED", "UNMATCHED");
        assertThat(ratedMixed).anyMatch(r -> r.accountId() != null && r.billableUnits() != null);
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            expected.add(row(mixed.get(i), ratedMixed.get(i)));
            expected.add(row(calls.get(i), ratedCalls.get(i)));
        }
        List<Object> preciseRow = row(precise, ratedCalls.get(250));
        preciseRow.set(4, LocalDateTime.of(2026, 11, 30, 23, 59, 59, 999_000_000)); // not 2026-12-01 00:00:00
        expected.add(preciseRow);
        List<List<Object>> stored = jdbc.query("SELECT " + COLUMNS + " FROM usage_record", (rs, n) -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= 21; c++) {
                Object value = rs.getObject(c);
                row.add(value instanceof Number number && !(value instanceof BigDecimal) ? (Object) number.longValue()
                        : value instanceof java.sql.Timestamp time ? time.toLocalDateTime() : value);
            }
            return row;
        });
        assertThat(stored).hasSize(501);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        // the calls-only batch left the byte counts out of its INSERT: NULL, as every call's
        assertThat(stored).filteredOn(row -> row.get(1).toString().startsWith("calls-"))
                .allMatch(row -> row.subList(6, 11).stream().allMatch(Objects::isNull));
    }

    private static RatedUsageInsert.NewUsage call(String id, String caller, LocalDateTime start, long seconds,
                                                  Long fileId) {
        return new RatedUsageInsert.NewUsage("pbx", id, caller, UsageType.VOICE, start, seconds, null, null, null, null,
                null, "33123456789", "ANSWERED", fileId);
    }

    private static List<Object> row(RatedUsageInsert.NewUsage u, RatedUsage r) {
        return new ArrayList<>(Arrays.asList(u.source(), u.recordId(), u.serviceId(), u.type().name(), u.start(), u.quantity(),
                u.upload(), u.download(), u.seconds(), u.sessionKey(), u.framedIp(), u.destination(), u.disposition(),
                u.fileId(), r.status().name(), r.subscriptionId(), r.accountId(), r.billableUnits(),
                r.ratedAmount() == null ? null : r.ratedAmount().setScale(2),
                r.rateBand(), r.ratingNote()));
    }
}
