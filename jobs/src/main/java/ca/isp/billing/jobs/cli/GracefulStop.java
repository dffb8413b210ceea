package ca.isp.billing.jobs.cli;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.cycle.DryRun;
import ca.isp.billing.jobs.remote.RemoteWorker;

import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.UsageIngestJob;
import ca.isp.billing.jobs.support.UsageRerateJob;

/**
 * Asks running billing cycles to stop at their next chunk boundary (what a SIGTERM or Ctrl-C
 * does, see BillingApplication): the run ends STOPPED with every finished chunk committed, and
 * the same bill command resumes it, with no --recover needed.
 */
@Component
public class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DryRun dryRun;

    public GracefulStop(JobOperator jobOperator, JobRepository jobRepository, DryRun dryRun) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dryRun = dryRun;
    }

    /** Only in a worker process (run.sh worker): it stops its own partitions, never the cycle. */
    @Autowired(required = false)
    private RemoteWorker remoteWorker;

    /** Returns how many running executions were asked to stop. */
    public int stopRunning() {
        if (remoteWorker != null) {
            // the cycle is the manager's: a worker stops taking partitions and ends the ones it runs
            remoteWorker.stop();
            return 1;
        }
        var copy = dryRun.copyInProgress();
        if (copy.isPresent()) {
            // this process bills a copy: the cycles running on the real database are other processes'
            return copy.get().getBean(GracefulStop.class).stopRunning();
        }
        Set<JobExecution> running = new HashSet<>(jobRepository.findRunningJobExecutions(BillingCycleJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(UsageIngestJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(UsageRerateJob.NAME));
        int stopped = 0;
        for (JobExecution execution : running) {
            try {
                jobOperator.stop(execution);
                stopped++;
                log.warn("Stopping billing run {} at the next chunk boundary", execution.getId());
            } catch (Exception e) {
                log.warn("Could not stop billing run {}: {}", execution.getId(), e.getMessage());
            }
        }
        return stopped;
    }
}
