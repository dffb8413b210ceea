package ca.isp.billing.jobs.collections;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<? extends StatusChange> changes = chunk.getItems();
        jdbc.batchUpdate("""
                UPDATE account SET status = :to, status_since = :date
                WHERE id = :account AND status = :from AND (status_since IS NULL OR status_since <= :date)""",
                changes.stream().map(StatusChangeWriter::row).toArray(MapSqlParameterSource[]::new));
        // One event per account, day and new status, even if the same change is decided again.
        // A plain read, then plain inserts: INSERT ... SELECT ... WHERE NOT EXISTS takes InnoDB's
        // AUTO-INC and gap locks, and two partitions deadlocked on it (MariaDB, MariaDbCycleTest).
        // Partitions hold disjoint accounts, and uk_delinquency_event still refuses a second row.
        Set<String> recorded = new HashSet<>();
        changes.stream().collect(Collectors.groupingBy(StatusChange::date,
                        Collectors.mapping(StatusChange::accountId, Collectors.toSet())))
                .forEach((date, accounts) -> jdbc.query("""
                        SELECT account_id, to_status FROM delinquency_event WHERE event_date = :date AND account_id IN (:accounts)""",
                        new MapSqlParameterSource("date", date).addValue("accounts", accounts),
                        (ResultSet rs) -> {
                            recorded.add(key(rs.getLong(1), date, rs.getString(2)));
                        }));
        MapSqlParameterSource[] missing = changes.stream()
                .filter(c -> recorded.add(key(c.accountId(), c.date(), c.toStatus().name())))
                .map(StatusChangeWriter::row).toArray(MapSqlParameterSource[]::new);
        if (missing.length > 0) {
            jdbc.batchUpdate("""
                    INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount, oldest_due_date)
                    VALUES (:account, :date, :from, :to, :overdue, :oldest)""", missing);
        }
    }

    private static String key(long account, LocalDate date, String toStatus) {
        return account + "|" + date + "|" + toStatus;
    }

    private static MapSqlParameterSource row(StatusChange c) {
        return new MapSqlParameterSource()
                .addValue("account", c.accountId()).addValue("from", c.fromStatus().name()).addValue("to", c.toStatus().name())
                .addValue("date", c.date()).addValue("overdue", c.overdueAmount())
                .addValue("oldest", c.oldestUnpaidDueDate());
    }
}
