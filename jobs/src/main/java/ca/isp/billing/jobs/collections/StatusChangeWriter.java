package ca.isp.billing.jobs.collections;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Moves account statuses and records each move as a delinquency event (uk_delinquency_event).
 * The events go in with a plain batched INSERT, those already on record for the chunk's accounts
 * (one query) left out: not INSERT ... SELECT ... WHERE NOT EXISTS, which on InnoDB takes the
 * table's AUTO-INC lock after the gap locks of its NOT EXISTS, so that two partitions
 * deadlocked (MariaDB error 1467, as the late fee writer did).
 */
public class StatusChangeWriter implements ItemWriter<StatusChange> {

    private final NamedParameterJdbcTemplate jdbc;

    public StatusChangeWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends StatusChange> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] rows = chunk.getItems().stream().map(c -> new MapSqlParameterSource()
                .addValue("account", c.accountId()).addValue("from", c.fromStatus().name()).addValue("to", c.toStatus().name())
                .addValue("date", c.date()).addValue("overdue", c.overdueAmount())
                .addValue("oldest", c.oldestUnpaidDueDate())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                UPDATE account SET status = :to, status_since = :date
                WHERE id = :account AND status = :from AND (status_since IS NULL OR status_since <= :date)""", rows);
        // One event per account, day and new status, even if the same change is decided again.
        Set<String> recorded = new HashSet<>(jdbc.query("""
                SELECT account_id, event_date, to_status FROM delinquency_event
                WHERE account_id IN (:accounts) AND event_date IN (:dates)""",
                new MapSqlParameterSource("accounts", chunk.getItems().stream().map(StatusChange::accountId)
                        .distinct().toList())
                        .addValue("dates", chunk.getItems().stream().map(StatusChange::date).distinct().toList()),
                (rs, n) -> key(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3))));
        MapSqlParameterSource[] events = chunk.getItems().stream()
                .filter(c -> recorded.add(key(c.accountId(), c.date(), c.toStatus().name())))
                .map(c -> new MapSqlParameterSource()
                        .addValue("account", c.accountId()).addValue("from", c.fromStatus().name())
                        .addValue("to", c.toStatus().name()).addValue("date", c.date())
                        .addValue("overdue", c.overdueAmount()).addValue("oldest", c.oldestUnpaidDueDate()))
                .toArray(MapSqlParameterSource[]::new);
        if (events.length > 0) {
            jdbc.batchUpdate("""
                    INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount,
                        oldest_due_date)
                    VALUES (:account, :date, :from, :to, :overdue, :oldest)""", events);
        }
    }

    private static String key(long accountId, LocalDate date, String toStatus) {
        return accountId + "/" + date + "/" + toStatus;
    }
}
