package ca.isp.billing.jobs.collections;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Moves account statuses and records each move as a delinquency event (uk_delinquency_event). */
public class StatusChangeWriter implements ItemWriter<StatusChange> {

    private final NamedParameterJdbcTemplate jdbc;

    public StatusChangeWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends StatusChange> chunk) {
        MapSqlParameterSource[] rows = chunk.getItems().stream().map(c -> new MapSqlParameterSource()
                .addValue("account", c.accountId()).addValue("from", c.fromStatus().name()).addValue("to", c.toStatus().name())
                .addValue("date", c.date()).addValue("overdue", c.overdueAmount())
                .addValue("oldest", c.oldestUnpaidDueDate())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                UPDATE account SET status = :to, status_since = :date
                WHERE id = :account AND status = :from AND (status_since IS NULL OR status_since <= :date)""", rows);
        // One event per account, day and new status, even if the same change is decided again.
        jdbc.batchUpdate("""
                INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount, oldest_due_date)
                SELECT :account, :date, :from, :to, :overdue, :oldest FROM DUAL WHERE NOT EXISTS (
                    SELECT 1 FROM delinquency_event WHERE account_id = :account AND event_date = :date AND to_status = :to)""",
                rows);
    }
}
