package ca.isp.billing.jobs.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.support.QueryCount;

/**
 * run.sh bench ingest: how fast usage from equipment is ingested and rated, against what the
 * same database takes when the same number of rows is written with plain batched JDBC into the
 * same table (usage_record, same indexes), no parsing and no rating, measured in the same run.
 *
 * <p>It writes half the records as FreeRADIUS detail files (sessions of Start, Interim-Update
 * and Stop, 10 NAS folders) and half as Asterisk Master.csv files (10 files) for the sources
 * {@code bench-radius} and {@code bench-pbx} that run.sh configures, with 2,000 subscriptions
 * (1,000 user names, 1,000 phone numbers) inserted directly, then times {@code run.sh ingest}
 * (UsageIngestLauncher: ingest and rate). The raw insert then writes the rows the ingest stored
 * again (same values, source 'raw-bench'), in batches of 1,000 committed every 10,000, timing
 * only the writes, and deletes them.
 */
@Component
public class IngestBench {

    private static final Logger log = LoggerFactory.getLogger(IngestBench.class);
    private static final int SERVICES = 1000;
    private static final int FILES = 10;

    private final UsageIngestLauncher launcher;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BillingProperties properties;
    private final Clock clock;

    public IngestBench(UsageIngestLauncher launcher, JdbcTemplate jdbc, DataSource dataSource,
                       BillingProperties properties, Clock clock) {
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    /** The figures of one run. */
    public record Result(long records, double ingestSeconds, long rows, double rawSeconds) {

        public double ingestRate() {
            return records / ingestSeconds;
        }

        public double rawRate() {
            return rows / rawSeconds;
        }

        /** The last line, as issue 8 asks. */
        public String lastLine() {
            return String.format(Locale.ROOT, "ingest: %d records/s, raw insert: %d rows/s, ratio %.2f",
                    Math.round(ingestRate()), Math.round(rawRate()), ingestRate() / rawRate());
        }
    }

    public Result run(long records) throws IOException, SQLException {
        if (count("SELECT COUNT(*) FROM usage_record") > 0) {
            throw new IllegalStateException("the bench needs an empty usage_record table (a home of its own)");
        }
        LocalDate day = LocalDate.now(clock).minusDays(1);
        subscriptions();
        long radius = records / 2 / 3 * 3;
        long calls = records - radius;
        writeRadius(day, radius / 3);
        writeCalls(day, calls);
        log.info("Bench: {} RADIUS records ({} sessions) and {} call records written", radius, radius / 3, calls);

        long statements = QueryCount.prepared();
        long start = System.nanoTime();
        CycleOutcome outcome = launcher.ingest();
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        if (outcome.result() != CycleOutcome.Result.COMPLETED) {
            throw new IllegalStateException(outcome.message());
        }
        long rows = count("SELECT COUNT(*) FROM usage_record");
        // the ingest step runs on this thread (the rate step's partitions on others): its statements a record
        statements = QueryCount.prepared() - statements;
        log.info("Bench: ingest and rate of {} records in {} s: {} rows; {} statements prepared by the ingest ({} per 1,000"
                + " records)", radius + calls, ingestSeconds, rows, statements, statements * 1000 / Math.max(1, radius + calls));

        double rawSeconds = rawInsert();
        jdbc.update("DELETE FROM usage_record WHERE source = 'raw-bench'");
        return new Result(radius + calls, ingestSeconds, rows, rawSeconds);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** One plan, 1,000 accounts, each with a data and a phone subscription, in batches. */
    private void subscriptions() {
        jdbc.update("""
                INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, term_price, included_gb,
                    overage_per_gb, per_minute) VALUES ('BENCH', 'Bench', 'Banc', 'INTERNET', 50.00, 1, 50.00, 500, 1.00, 0.05)""");
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> subscriptions = new ArrayList<>();
        List<Object[]> services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            String number = String.format("B%06d", i);
            LocalDate nextBill = LocalDate.now(clock).plusDays(10);
            accounts.add(new Object[]{number, nextBill, nextBill.getDayOfMonth(), nextBill});
            subscriptions.add(new Object[]{number + "-D", LocalDate.now(clock).minusYears(1), number});
            subscriptions.add(new Object[]{number + "-V", LocalDate.now(clock).minusYears(1), number});
            services.add(new Object[]{user(i), number + "-D"});
            services.add(new Object[]{phone(i), number + "-V"});
        }
        jdbc.batchUpdate("""
                INSERT INTO account (account_number, name, customer_type, language, delivery, billing_line1,
                    billing_city, billing_region, billing_postal_code, billing_country, service_line1, service_city,
                    service_region, service_country, next_bill_date, bill_day, billing_start, status)
                VALUES (?, 'Bench', 'RESIDENTIAL', 'en', 'EMAIL', '1 Bench St', 'Montreal', 'QC', 'H2X 1Y4', 'CA',
                    '1 Bench St', 'Montreal', 'QC', 'CA', ?, ?, ?, 'ACTIVE')""", accounts);
        jdbc.batchUpdate("""
                INSERT INTO subscription (subscription_id, account_id, plan_code, start_date)
                SELECT ?, id, 'BENCH', ? FROM account WHERE account_number = ?""", subscriptions);
        jdbc.batchUpdate("""
                INSERT INTO service_identifier (service_id, subscription_id)
                SELECT ?, id FROM subscription WHERE subscription_id = ?""", services);
    }

    private static String user(int i) {
        return String.format("user%04d@bench.example", i);
    }

    private static String phone(int i) {
        return String.format("1514555%04d", i);
    }

    /** Sessions of three records (Start, Interim-Update, Stop), spread over 10 NAS folders. */
    private void writeRadius(LocalDate day, long sessions) throws IOException {
        Path folder = properties.home().resolve("bench-input").resolve("radacct");
        String name = "detail-" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        DateTimeFormatter header = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
        long base = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int f = 0; f < FILES; f++) {
            String nas = "10.0.0." + (f + 1);
            Path file = folder.resolve(nas).resolve(name);
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long s = f; s < sessions; s += FILES) {
                    long begin = base + (s % 80_000);
                    String[] types = {"Start", "Interim-Update", "Stop"};
                    for (int r = 0; r < 3; r++) {
                        long at = begin + r * 300L;
                        long up = r * 1_000_000L + s % 1000;
                        long down = r * 20_000_000L + s % 1000;
                        out.write(LocalDateTime.ofEpochSecond(at, 0, ZoneOffset.UTC).format(header) + "\n"
                                + "\tAcct-Status-Type = " + types[r] + "\n"
                                + "\tUser-Name = \"" + user((int) (s % SERVICES)) + "\"\n"
                                + "\tNAS-IP-Address = " + nas + "\n"
                                + "\tAcct-Session-Id = \"S" + s + "\"\n"
                                + "\tFramed-IP-Address = 10.9." + (s % 250) + "." + (s % 200 + 1) + "\n"
                                + "\tAcct-Input-Octets = " + up + "\n"
                                + "\tAcct-Output-Octets = " + down + "\n"
                                + "\tAcct-Session-Time = " + (r * 300) + "\n"
                                + "\tEvent-Timestamp = " + at + "\n"
                                + "\tAcct-Unique-Session-Id = \"" + String.format("%032x", s) + "\"\n"
                                + "\tTimestamp = " + at + "\n\n");
                    }
                }
            }
        }
    }

    /** Answered 61-second calls to France, one Master.csv per tenth. */
    private void writeCalls(LocalDate day, long calls) throws IOException {
        Path inbox = properties.inbox("bench-pbx");
        Files.createDirectories(inbox);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int f = 0; f < FILES; f++) {
            try (BufferedWriter out = Files.newBufferedWriter(inbox.resolve("Master-" + f + ".csv"), StandardCharsets.UTF_8)) {
                for (long c = f; c < calls; c += FILES) {
                    LocalDateTime start = day.atStartOfDay().plusSeconds(c % 80_000);
                    String src = phone((int) (c % SERVICES));
                    out.write("\"1001\",\"" + src + "\",\"33123456789\",\"from-internal\",\"\"\"Bench\"\" <" + src + ">\","
                            + "\"PJSIP/1001-1\",\"PJSIP/trunk-2\",\"Dial\",\"PJSIP/33123456789@trunk,30\",\""
                            + start.format(time) + "\",\"" + start.plusSeconds(5).format(time) + "\",\""
                            + start.plusSeconds(66).format(time) + "\",66,61,\"ANSWERED\",\"DOCUMENTATION\",\"bench-" + c
                            + "\"\n");
                }
            }
        }
    }

    private static final String COLUMNS = """
            record_id, service_id, usage_type, start_time, quantity, upload_bytes, download_bytes, session_seconds,
            session_key, framed_ip, destination, disposition, file_id, status, subscription_id, account_id,
            billable_units, rated_amount, rate_band, rating_note""";
    private static final int RAW_PAGE = 10_000;

    /**
     * The same rows, written again with plain batched JDBC (source 'raw-bench'): no parsing, no
     * lookup, no rating. Each page of 10,000 stored rows is read first, untimed, then written in
     * batches of 1,000 and committed, timed: the same values in the same indexes (their account,
     * start time, record id), as issue 8 asks. Returns the seconds spent writing.
     */
    private double rawInsert() throws SQLException {
        long nanos = 0;
        long after = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("SELECT id, " + COLUMNS
                    + " FROM usage_record WHERE source <> 'raw-bench' AND id > ? ORDER BY id LIMIT " + RAW_PAGE);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_record (source, " + COLUMNS
                         + ") VALUES ('raw-bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int columns = 20;
                while (true) {
                    List<Object[]> page = new ArrayList<>(RAW_PAGE);
                    read.setLong(1, after);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            Object[] row = new Object[columns];
                            for (int c = 0; c < columns; c++) {
                                row[c] = rs.getObject(c + 2);
                            }
                            page.add(row);
                        }
                    }
                    connection.commit();
                    if (page.isEmpty()) {
                        break;
                    }
                    long start = System.nanoTime();
                    for (int i = 0; i < page.size(); i++) {
                        Object[] row = page.get(i);
                        for (int c = 0; c < columns; c++) {
                            insert.setObject(c + 1, row[c]);
                        }
                        insert.addBatch();
                        if ((i + 1) % 1000 == 0 || i == page.size() - 1) {
                            insert.executeBatch();
                        }
                    }
                    connection.commit();
                    nanos += System.nanoTime() - start;
                }
            }
        }
        return nanos / 1e9;
    }
}
