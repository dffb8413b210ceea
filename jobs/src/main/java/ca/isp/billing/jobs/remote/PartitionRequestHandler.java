package ca.isp.billing.jobs.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A worker runs one partition request: what Spring Batch's StepExecutionRequestHandler does
 * (find the step execution in the shared repository, find the step bean by name, execute it),
 * with the guards remote running needs:
 *
 * <ul>
 * <li>Only a partition nobody started (STARTING) is run. A request the broker delivers again
 * (its worker's connection dropped: killed, or a network cut while it may still be running) or
 * one left in the queue from a run given up on finds the partition STARTED, FAILED or COMPLETED
 * and is dropped: a partition never runs twice at once. The manager's watch fails a partition
 * whose worker died; the restart creates a new execution of it, sent as a new request.</li>
 * <li>A heartbeat while it runs (see {@link PartitionHeartbeat}).</li>
 * </ul>
 *
 * The step beans are the very ones a local run uses ({@code chargePartition}, {@code renderPartition},
 * ...): the worker process is the same application, only fed from the queue.
 */
final class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final JobRepository jobRepository;
    private final StepLocator steps;
    private final PartitionHeartbeat heartbeat;

    PartitionRequestHandler(JobRepository jobRepository, StepLocator steps, PartitionHeartbeat heartbeat) {
        this.jobRepository = jobRepository;
        this.steps = steps;
        this.heartbeat = heartbeat;
    }

    public void handle(StepExecutionRequest request) {
        StepExecution execution = jobRepository.getStepExecution(request.getStepExecutionId());
        if (execution == null) {
            log.warn("Dropped {}: no such step execution in this database (another installation's queue?)", request);
            return;
        }
        String name = execution.getStepName();
        if (execution.getStatus() != BatchStatus.STARTING) {
            log.warn("Dropped the request for partition {} (execution {}): it is {}, so it was taken before (its worker"
                    + " lost the broker, or the run was given up on); a partition never runs twice", name,
                    execution.getId(), execution.getStatus());
            return;
        }
        Step step = steps.getStep(request.getStepName());
        long start = System.nanoTime();
        log.info("Partition {} (execution {}, job execution {}): started on {}", name, execution.getId(),
                execution.getJobExecutionId(), heartbeat.worker());
        heartbeat.started(execution);
        try {
            step.execute(execution);
        } catch (JobInterruptedException e) {
            execution.setStatus(BatchStatus.STOPPED);
            jobRepository.update(execution);
        } catch (RuntimeException e) {
            // AbstractStep records its own failures; this is one around it (the repository itself)
            log.error("Partition {} could not run: {}", name, e.getMessage(), e);
        } finally {
            heartbeat.ended(execution);
        }
        log.info("Partition {}: {} ({} items written) in {} s", name, execution.getStatus(), execution.getWriteCount(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }
}
