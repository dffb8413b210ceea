package ca.isp.billing.jobs.remote;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Spring Batch's own remote partition handler (requests out through a channel to the broker,
 * results read back by polling the shared job repository), with a {@link PartitionWatch} beside
 * its wait: a partition whose worker died is failed instead of waited for forever, and the step
 * fails saying which partition and which worker.
 */
final class WatchedPartitionHandler extends MessageChannelPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(WatchedPartitionHandler.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final RemoteSettings settings;

    WatchedPartitionHandler(NamedParameterJdbcTemplate jdbc, JobRepository jobRepository, RemoteSettings settings) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.settings = settings;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
            throws Exception {
        if (partitions.isEmpty()) {
            return partitions; // a restart whose partitions had all completed
        }
        PartitionWatch watch = new PartitionWatch(jdbc, jobRepository, settings,
                partitions.stream().map(StepExecution::getId).collect(Collectors.toSet()));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "partition-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        watcher.scheduleWithFixedDelay(() -> {
            try {
                watch.check();
            } catch (RuntimeException e) {
                // the database went away: Spring Batch's own poll fails the step on it
                log.warn("partition watch: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        log.info("{}: {} partition request(s) sent to queue {}", managerStepExecution.getStepName(), partitions.size(),
                settings.queue());
        Set<StepExecution> ended;
        try {
            ended = super.doHandle(managerStepExecution, partitions);
        } finally {
            watcher.shutdownNow();
        }
        Map<Long, String> failed = watch.failed();
        if (!failed.isEmpty()) {
            // the launcher adds what to do: run the same command again
            throw new IllegalStateException(failed.values().iterator().next()
                    + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more partition(s))" : ""));
        }
        return ended;
    }
}
