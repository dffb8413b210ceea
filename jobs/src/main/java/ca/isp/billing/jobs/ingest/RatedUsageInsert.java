package ca.isp.billing.jobs.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.rate.RatedUsage;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.jobs.rate.UsageToRate;

/**
 * Writes a batch of usage records (usage CSV lines, RADIUS readings, calls) already rated
 * (UsageRating), as multi-row INSERTs with typed parameters: each record is written once, with its
 * status (RATED, UNMATCHED or RATING_GAP), subscription, account, units, amount, band and note.
 * The start time is stored to the millisecond, truncated (a usage CSV may give more digits; the
 * rating saw the same day and hour).
 */
final class RatedUsageInsert {

    /** A usage record about to be stored; the columns a source does not have are null. */
    record NewUsage(String source, String recordId, String serviceId, UsageType type, LocalDateTime start, long quantity,
                    Long upload, Long download, Long seconds, String sessionKey, String framedIp, String destination,
                    String disposition, Long fileId) {

        UsageToRate toRate() {
            return new UsageToRate(0, recordId, serviceId, type.name(), start, quantity, framedIp, destination,
                    disposition, null, null, null);
        }
    }

    /**
     * The columns of usage_record a record may fill, in the order written; a nullable one that no
     * record of a batch fills is left out of that batch's INSERT (its default is NULL): a call has
     * no byte counts, a RADIUS reading no destination, and the driver binds and sends what it is
     * given, so a row of a call batch carries 15 values instead of 21.
     */
    private enum Column {
        SOURCE("source", false), RECORD_ID("record_id", false), SERVICE_ID("service_id", false),
        USAGE_TYPE("usage_type", false), START_TIME("start_time", false), QUANTITY("quantity", false),
        UPLOAD_BYTES("upload_bytes", true), DOWNLOAD_BYTES("download_bytes", true),
        SESSION_SECONDS("session_seconds", true), SESSION_KEY("session_key", true), FRAMED_IP("framed_ip", true),
        DESTINATION("destination", true), DISPOSITION("disposition", true), FILE_ID("file_id", true),
        STATUS("status", false), SUBSCRIPTION_ID("subscription_id", true), ACCOUNT_ID("account_id", true),
        BILLABLE_UNITS("billable_units", true), RATED_AMOUNT("rated_amount", true), RATE_BAND("rate_band", true),
        RATING_NOTE("rating_note", true);

        final String name;
        final boolean nullable;

        Column(String name, boolean nullable) {
            this.name = name;
            this.nullable = nullable;
        }

        /** The value a record gives this column, in the Java type bound for it (null when it has none). */
        Object value(NewUsage u, RatedUsage r) {
            return switch (this) {
                case SOURCE -> u.source();
                case RECORD_ID -> u.recordId();
                case SERVICE_ID -> u.serviceId();
                case USAGE_TYPE -> u.type().name();
                // as text, milliseconds included: both databases read it into the column as written, with no
                // zone on the way. MySQL Connector/J drops the fraction of a Timestamp or LocalDateTime on
                // MariaDB 10 (it announces itself as 5.5.5-10.x, taken for a server without fractional
                // seconds), and formats a Timestamp with SimpleDateFormat (a tenth of the ingest's CPU)
                case START_TIME -> START.format(u.start());
                case QUANTITY -> u.quantity();
                case UPLOAD_BYTES -> u.upload();
                case DOWNLOAD_BYTES -> u.download();
                case SESSION_SECONDS -> u.seconds();
                case SESSION_KEY -> u.sessionKey();
                case FRAMED_IP -> u.framedIp();
                case DESTINATION -> u.destination();
                case DISPOSITION -> u.disposition();
                case FILE_ID -> u.fileId();
                case STATUS -> r.status().name();
                case SUBSCRIPTION_ID -> r.subscriptionId();
                case ACCOUNT_ID -> r.accountId();
                case BILLABLE_UNITS -> r.billableUnits();
                case RATED_AMOUNT -> r.ratedAmount();
                case RATE_BAND -> r.rateBand();
                case RATING_NOTE -> r.ratingNote();
            };
        }

        void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, this == RATED_AMOUNT ? Types.DECIMAL : this.isText() ? Types.VARCHAR : Types.BIGINT);
            } else if (value instanceof String text) {
                ps.setString(index, text);
            } else if (value instanceof Long number) {
                ps.setLong(index, number);
            } else if (value instanceof BigDecimal amount) {
                ps.setBigDecimal(index, amount);
            } else {
                ps.setObject(index, value);
            }
        }

        private boolean isText() {
            return this == SESSION_KEY || this == FRAMED_IP || this == DESTINATION || this == DISPOSITION
                    || this == RATE_BAND || this == RATING_NOTE;
        }
    }

    private static final Column[] COLUMNS = Column.values();
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    /**
     * Rows per INSERT: a statement of many rows, prepared once per batch and executed once per
     * group, not a JDBC batch of one-row statements, which MySQL Connector/J binds, sizes and
     * writes twice over before it rewrites them into the same multi-row statement (half the
     * ingest's CPU at 1,000,000 records). Connector/J also parses a statement's text at each
     * prepare, so a group is kept at a length it parses quickly.
     */
    private static final int ROWS_PER_STATEMENT = 100;

    private final JdbcTemplate jdbc;
    private final UsageRating rating;

    RatedUsageInsert(JdbcTemplate jdbc, UsageRating rating) {
        this.jdbc = jdbc;
        this.rating = rating;
    }

    void insert(List<NewUsage> records) {
        if (records.isEmpty()) {
            return;
        }
        write(records, rating.rate(records.stream().map(NewUsage::toRate).toList()));
    }

    /**
     * Inserts the records unless one of them is stored already (its record id and source): then
     * (uk_usage_record refuses the batch; any other refusal is met again by the insert that follows)
     * nothing of the batch stays (a savepoint taken before it is rolled back to) and the answer is
     * false, for the caller to leave out the stored ones and insert the rest. Outside a transaction
     * (no savepoint to go back to) it inserts nothing and answers false.
     */
    boolean insertUnlessStored(List<NewUsage> records) {
        if (records.isEmpty()) {
            return true;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        List<RatedUsage> rated = rating.rate(records.stream().map(NewUsage::toRate).toList());
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        Savepoint before;
        try {
            // never released: a savepoint ends with its transaction, and releasing it is one more round trip
            before = connection.setSavepoint();
        } catch (SQLException e) {
            throw new UncheckedSqlException("cannot set a savepoint before a batch of usage records", e);
        }
        try {
            write(records, rated);
            return true;
        } catch (DataIntegrityViolationException e) {
            try {
                connection.rollback(before);
            } catch (SQLException rollback) {
                rollback.addSuppressed(e);
                throw new UncheckedSqlException("cannot roll back a batch of usage records", rollback);
            }
            return false;
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource()); // the transaction's: released at its end
        }
    }

    /** Thrown when the savepoint around a batch cannot be set or rolled back to. */
    static final class UncheckedSqlException extends RuntimeException {

        UncheckedSqlException(String message, SQLException cause) {
            super(message, cause);
        }
    }

    private void write(List<NewUsage> records, List<RatedUsage> rated) {
        // the columns some record of the batch fills (the others are NULL by default)
        List<Column> columns = new ArrayList<>(COLUMNS.length);
        for (Column column : COLUMNS) {
            boolean filled = !column.nullable;
            for (int i = 0; !filled && i < records.size(); i++) {
                filled = column.value(records.get(i), rated.get(i)) != null;
            }
            if (filled) {
                columns.add(column);
            }
        }
        int tail = records.size() % ROWS_PER_STATEMENT;
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // one statement prepared for the full groups of rows, executed once per group, then one for the rest
            if (records.size() >= ROWS_PER_STATEMENT) {
                try (PreparedStatement full = connection.prepareStatement(insertSql(columns, ROWS_PER_STATEMENT))) {
                    DataSourceUtils.applyTransactionTimeout(full, jdbc.getDataSource());
                    for (int from = 0; from + ROWS_PER_STATEMENT <= records.size(); from += ROWS_PER_STATEMENT) {
                        insertRows(full, columns, records, rated, from, ROWS_PER_STATEMENT);
                    }
                }
            }
            if (tail > 0) {
                try (PreparedStatement rest = connection.prepareStatement(insertSql(columns, tail))) {
                    DataSourceUtils.applyTransactionTimeout(rest, jdbc.getDataSource());
                    insertRows(rest, columns, records, rated, records.size() - tail, tail);
                }
            }
            return null;
        });
    }

    private static void insertRows(PreparedStatement ps, List<Column> columns, List<NewUsage> records,
                                   List<RatedUsage> rated, int from, int rows) throws SQLException {
        int index = 1;
        for (int i = from; i < from + rows; i++) {
            NewUsage u = records.get(i);
            RatedUsage r = rated.get(i);
            for (Column column : columns) {
                column.bind(ps, index++, column.value(u, r));
            }
        }
        int inserted = ps.executeUpdate();
        if (inserted != rows) {
            throw new IllegalStateException("usage_record took " + inserted + " rows of " + rows);
        }
    }

    /** INSERT INTO usage_record (the columns) VALUES (?, ...), (?, ...) ... for so many rows. */
    private static String insertSql(List<Column> columns, int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        StringBuilder sql = new StringBuilder(80 + rows * (row.length() + 2)).append("INSERT INTO usage_record (")
                .append(columns.stream().map(c -> c.name).collect(Collectors.joining(", "))).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }
}
