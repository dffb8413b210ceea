package ca.isp.billing.jobs.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The scheduler's memory in the database (V22): since when each job is known, and one row per
 * tick, whose unique key (job, scheduled time) is the claim that lets only one of several
 * schedulers run a tick. Times are stored as UTC, so schedulers in other zones agree.
 */
@Component
public class SchedulerTicks {

    /** A tick's row. */
    public record Tick(long id, String job, Instant scheduledAt, LocalDate businessDate, String status, String owner,
                       Long jobExecutionId, String message) {
    }

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String STOPPED = "STOPPED";
    public static final String IN_THE_WAY = "IN_THE_WAY";
    public static final String MISSED = "MISSED";
    public static final String SKIPPED = "SKIPPED";

    private static final RowMapper<Tick> TICK = (rs, n) -> new Tick(rs.getLong("id"), rs.getString("job_name"),
            rs.getObject("scheduled_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
            rs.getObject("business_date", LocalDate.class), rs.getString("status"), rs.getString("owner"),
            rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"), rs.getString("message"));

    private final JdbcTemplate jdbc;

    public SchedulerTicks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Since when the job is known: the first scheduler to see it records now. */
    public Instant knownSince(String job, Instant now) {
        try {
            jdbc.update("INSERT INTO scheduler_job (job_name, known_since) VALUES (?, ?)", job, utc(now));
        } catch (DuplicateKeyException e) {
            // known already: keep the first date
        }
        return jdbc.queryForObject("SELECT known_since FROM scheduler_job WHERE job_name = ?",
                (rs, n) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), job);
    }

    /** Claims a tick for {@code owner}: false when another scheduler claimed it first. */
    public boolean claim(String job, Instant scheduledAt, LocalDate businessDate, String owner, String status,
                         String message) {
        try {
            jdbc.update("""
                    INSERT INTO scheduler_tick (job_name, scheduled_at, business_date, status, owner, claimed_at, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", job, utc(scheduledAt), businessDate, status, owner,
                    utc(Instant.now()), message);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes over a tick in {@code fromStatus} (left by a dead scheduler, stopped, in the way): false if someone else did. */
    public boolean takeOver(Tick tick, String owner) {
        return jdbc.update("""
                UPDATE scheduler_tick SET status = ?, owner = ?, claimed_at = ?
                WHERE id = ? AND status = ? AND (owner = ? OR (owner IS NULL AND ? IS NULL))""",
                RUNNING, owner, utc(Instant.now()), tick.id(), tick.status(), tick.owner(), tick.owner()) == 1;
    }

    public void finish(long id, String status, Long jobExecutionId, String message) {
        jdbc.update("""
                UPDATE scheduler_tick SET status = ?, finished_at = ?, job_execution_id = COALESCE(?, job_execution_id),
                    message = ? WHERE id = ?""", status, utc(Instant.now()), jobExecutionId, shorten(message), id);
    }

    public Optional<Tick> find(String job, Instant scheduledAt) {
        return jdbc.query("SELECT * FROM scheduler_tick WHERE job_name = ? AND scheduled_at = ?", TICK, job,
                utc(scheduledAt)).stream().findFirst();
    }

    /** The latest tick recorded for the job, whatever its status. */
    public Optional<Instant> latest(String job) {
        LocalDateTime latest = jdbc.queryForObject("SELECT MAX(scheduled_at) FROM scheduler_tick WHERE job_name = ?",
                LocalDateTime.class, job);
        return Optional.ofNullable(latest).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    public List<Tick> withStatus(String status) {
        return jdbc.query("SELECT * FROM scheduler_tick WHERE status = ? ORDER BY scheduled_at, id", TICK, status);
    }

    /** The job's ticks that failed and wait (retried by the next tick, or by the operator). */
    public List<Tick> failed(String job) {
        return jdbc.query("SELECT * FROM scheduler_tick WHERE job_name = ? AND status = ? ORDER BY scheduled_at",
                TICK, job, FAILED);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String shorten(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }
}
