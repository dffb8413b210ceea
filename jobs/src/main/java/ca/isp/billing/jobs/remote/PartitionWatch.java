package ca.isp.billing.jobs.remote;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The manager's eye on one partitioned step's remote partitions while it waits for them. A
 * partition a worker runs (STARTED) whose heartbeat is older than {@code staleAfter} lost its
 * worker: it is marked FAILED in the job repository, which ends the manager's wait (Spring
 * Batch's handler sees no partition running any more) and fails the step; the restart runs
 * that partition again from its last committed chunk. Partitions no worker took (STARTING)
 * for {@code waitForWorkers}, while no partition made progress, are failed too: no worker runs.
 *
 * <p>Marking FAILED bumps the execution's version: a worker that was only slow, not dead,
 * cannot commit another chunk of it (its next commit fails on Spring Batch's optimistic lock
 * and rolls back), and its heartbeat tells it to stop. Ages are measured on the database's
 * clock (the heartbeat's own), so the machines' clocks need not agree.
 */
final class PartitionWatch {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);
    private static final Duration WAITING_NOTE = Duration.ofMinutes(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final RemoteSettings settings;
    private final Set<Long> partitions;
    /** When the watch first saw a partition STARTED without a heartbeat yet (database time). */
    private final Map<Long, LocalDateTime> startedWithoutBeat = new HashMap<>();
    private final Map<Long, String> failed = new LinkedHashMap<>();
    private LocalDateTime lastProgress;
    private LocalDateTime lastWaitingNote;
    private String lastState = "";

    PartitionWatch(NamedParameterJdbcTemplate jdbc, JobRepository jobRepository, RemoteSettings settings,
                   Set<Long> partitions) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.settings = settings;
        this.partitions = partitions;
    }

    /** The partitions this watch failed, with the reason. */
    synchronized Map<Long, String> failed() {
        return new LinkedHashMap<>(failed);
    }

    /** One look: called every poll interval while the manager waits. */
    synchronized void check() {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", partitions);
        LocalDateTime now = jdbc.getJdbcTemplate().queryForObject("SELECT CURRENT_TIMESTAMP(3)", Timestamp.class)
                .toLocalDateTime();
        Map<Long, String> status = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        jdbc.query("SELECT STEP_EXECUTION_ID, STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID IN (:ids)",
                ids, rs -> {
                    status.put(rs.getLong(1), rs.getString(3));
                    names.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, LocalDateTime> beats = new HashMap<>();
        Map<Long, String> workers = new HashMap<>();
        jdbc.query("SELECT step_execution_id, worker, beat_at FROM partition_heartbeat WHERE step_execution_id IN (:ids)",
                ids, rs -> {
                    beats.put(rs.getLong(1), rs.getTimestamp(3).toLocalDateTime());
                    workers.put(rs.getLong(1), rs.getString(2));
                });
        if (lastProgress == null) {
            lastProgress = now;
            lastWaitingNote = now;
        }
        String state = status.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue() + "@" + beats.get(e.getKey())).collect(Collectors.joining(","));
        if (!state.equals(lastState)) {
            lastState = state;
            lastProgress = now; // a partition started, beat or ended
        }
        List<Long> waiting = new ArrayList<>();
        for (Long id : partitions) {
            String s = status.getOrDefault(id, "UNKNOWN");
            if (s.equals(BatchStatus.STARTED.name())) {
                LocalDateTime last = beats.containsKey(id) ? beats.get(id) : startedWithoutBeat.computeIfAbsent(id, k -> now);
                Duration silent = Duration.between(last, now);
                if (silent.compareTo(settings.staleAfter()) > 0) {
                    fail(id, names.get(id) + " lost its worker " + workers.getOrDefault(id, "(unknown)") + ": no heartbeat"
                            + " for " + silent.toSeconds() + " s (billing.remote.stale-after " + settings.staleAfter().toSeconds()
                            + " s); the worker died or lost the database");
                }
            } else if (s.equals(BatchStatus.STARTING.name())) {
                waiting.add(id);
            }
        }
        if (!waiting.isEmpty() && Duration.between(lastWaitingNote, now).compareTo(WAITING_NOTE) >= 0) {
            lastWaitingNote = now;
            log.info("{} partition(s) of this step wait for a worker on queue {} (is ./run.sh worker running?)",
                    waiting.size(), settings.queue());
        }
        if (!waiting.isEmpty() && Duration.between(lastProgress, now).compareTo(settings.waitForWorkers()) > 0) {
            for (Long id : waiting) {
                fail(id, names.get(id) + " was taken by no worker in " + settings.waitForWorkers().toMinutes()
                        + " min (billing.remote.wait-for-workers): start ./run.sh worker against queue " + settings.queue());
            }
        }
    }

    private void fail(long id, String reason) {
        StepExecution execution = jobRepository.getStepExecution(id);
        if (execution == null || !execution.getStatus().isRunning()) {
            return;
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        execution.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(execution);
        } catch (OptimisticLockingFailureException e) {
            log.info("partition {} moved on while it was being given up: it is alive, looked at again next time", id);
            return;
        }
        failed.put(id, reason);
        log.error("Partition {}: {}; marked FAILED, the restart resumes it", id, reason);
    }
}
