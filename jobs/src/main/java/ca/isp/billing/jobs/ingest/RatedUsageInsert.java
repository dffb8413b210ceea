package ca.isp.billing.jobs.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

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
        List<RatedUsage> rated = rating.rate(records.stream().map(NewUsage::toRate).toList());
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
