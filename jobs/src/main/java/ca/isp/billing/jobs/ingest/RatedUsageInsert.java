package ca.isp.billing.jobs.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.rate.RatedUsage;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.jobs.rate.UsageToRate;

/**
 * Writes a batch of usage records (usage CSV lines, RADIUS readings, calls) already rated
 * (UsageRating), in one JDBC batch with typed parameters: each record is written once, with its
 * status (RATED, UNMATCHED or RATING_GAP), subscription, account, units, amount, band and note.
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

    private static final String INSERT = """
            INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity, upload_bytes,
                download_bytes, session_seconds, session_key, framed_ip, destination, disposition, file_id, status,
                subscription_id, account_id, billable_units, rated_amount, rate_band, rating_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewUsage u = records.get(i);
                RatedUsage r = rated.get(i);
                ps.setString(1, u.source());
                ps.setString(2, u.recordId());
                ps.setString(3, u.serviceId());
                ps.setString(4, u.type().name());
                ps.setTimestamp(5, Timestamp.valueOf(u.start()));
                ps.setLong(6, u.quantity());
                setLong(ps, 7, u.upload());
                setLong(ps, 8, u.download());
                setLong(ps, 9, u.seconds());
                ps.setString(10, u.sessionKey());
                ps.setString(11, u.framedIp());
                ps.setString(12, u.destination());
                ps.setString(13, u.disposition());
                setLong(ps, 14, u.fileId());
                ps.setString(15, r.status().name());
                setLong(ps, 16, r.subscriptionId());
                setLong(ps, 17, r.accountId());
                setLong(ps, 18, r.billableUnits());
                ps.setBigDecimal(19, r.ratedAmount());
                ps.setString(20, r.rateBand());
                ps.setString(21, r.ratingNote());
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
