package ca.isp.billing.jobs.remote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker's sign of life for each partition it runs: a row of partition_heartbeat, beaten every
 * {@code billing.remote.heartbeat} on the database's clock, read by the manager's
 * {@link PartitionWatch}. Each beat also reads the partition's status: one the manager gave up
 * on (FAILED while this worker still runs it, after a long database outage for one) is asked to
 * stop at its next chunk boundary, so two workers never run the same accounts at once.
 */
final class PartitionHeartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final String worker;
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beater;

    PartitionHeartbeat(JdbcTemplate jdbc, RemoteSettings settings) {
        this.jdbc = jdbc;
        this.worker = settings.workerId();
        this.beater = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "partition-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeat().toMillis();
        beater.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    String worker() {
        return worker;
    }

    /** The partition's first beat, before it starts: the manager knows from now on who runs it. */
    void started(StepExecution execution) {
        jdbc.update("DELETE FROM partition_heartbeat WHERE step_execution_id = ?", execution.getId());
        jdbc.update("INSERT INTO partition_heartbeat (step_execution_id, worker, started_at, beat_at)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))", execution.getId(), worker);
        running.put(execution.getId(), execution);
    }

    void ended(StepExecution execution) {
        running.remove(execution.getId());
    }

    /** Asks every running partition to stop at its next chunk boundary (SIGTERM); returns how many. */
    int stopAll() {
        running.values().forEach(StepExecution::setTerminateOnly);
        return running.size();
    }

    int running() {
        return running.size();
    }

    private void beat() {
        for (StepExecution execution : running.values()) {
            try {
                jdbc.update("UPDATE partition_heartbeat SET beat_at = CURRENT_TIMESTAMP(3) WHERE step_execution_id = ?",
                        execution.getId());
                String status = jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                        String.class, execution.getId());
                if (!BatchStatus.valueOf(status).isRunning() && !execution.isTerminateOnly()) {
                    log.error("The manager gave up on partition {} ({}): stopping it at the next chunk boundary",
                            execution.getStepName(), status);
                    execution.setTerminateOnly();
                }
            } catch (RuntimeException e) {
                log.warn("heartbeat of partition {} not written: {}", execution.getStepName(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        beater.shutdownNow();
    }
}
