package ca.isp.billing.jobs.remote;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's side of remote partitioning (billing.mode=remote): for a partitioned step, the
 * partition handler that sends its partitions to the workers instead of local threads. Only
 * BillingCycleJobConfiguration's partitioned-step helpers ask for it, so every partitioned step
 * goes remote, the ones added later too.
 */
public class RemotePartitioning {

    private final MessageChannel requests;
    private final JobRepository jobRepository;
    private final NamedParameterJdbcTemplate jdbc;
    private final RemoteSettings settings;

    RemotePartitioning(MessageChannel requests, JobRepository jobRepository, NamedParameterJdbcTemplate jdbc,
                       RemoteSettings settings) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Sends {@code workerStep}'s partitions ({@code gridSize} of them) to the workers and waits for them. */
    public PartitionHandler handler(String workerStep, int gridSize) {
        WatchedPartitionHandler handler = new WatchedPartitionHandler(jdbc, jobRepository, settings);
        handler.setStepName(workerStep);
        handler.setGridSize(gridSize);
        handler.setJobRepository(jobRepository); // results from the shared repository: no reply queue
        handler.setPollInterval(settings.pollInterval().toMillis());
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(requests);
        handler.setMessagingOperations(template);
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }
}
