package ca.isp.billing.jobs.cli;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.cycle.DryRun;
import ca.isp.billing.jobs.remote.RemoteWorker;
import ca.isp.billing.jobs.schedule.JobScheduler;

import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.CollectionsJob;
import ca.isp.billing.jobs.support.InvoiceNowJob;
import ca.isp.billing.jobs.support.LocalRuns;
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

    private final JobRepository jobRepository;
    private final DryRun dryRun;
    private final JobScheduler scheduler;
    private final LocalRuns localRuns;

    public GracefulStop(JobRepository jobRepository, DryRun dryRun, JobScheduler scheduler,
                        LocalRuns localRuns) {
        this.jobRepository = jobRepository;
        this.dryRun = dryRun;
        this.scheduler = scheduler;
        this.localRuns = localRuns;
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
        // run.sh scheduler: no new tick starts; the tick in flight counts as one to wait for
        int stopped = scheduler.stop();
        Set<JobExecution> running = new HashSet<>(jobRepository.findRunningJobExecutions(BillingCycleJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(UsageIngestJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(UsageRerateJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(CollectionsJob.NAME));
        running.addAll(jobRepository.findRunningJobExecutions(InvoiceNowJob.NAME));
        // on MySQL/MariaDB the repository also shows other processes' runs: only ours are stopped
        running.removeIf(execution -> !localRuns.runsHere(execution.getId()));
        for (JobExecution execution : running) {
            try {
                // Only the job execution is marked STOPPING, which every step reads at its next chunk
                // boundary. JobOperator.stop also stops the running step through a copy of its
                // execution, whose version then no longer matches the step's own: a single-threaded
                // chunk step (rate, lateFees, delinquency, invoice) ended FAILED ("wrong version")
                // instead of STOPPED after finishing its chunk.
                if (!execution.getStatus().isRunning()) {
                    continue;
                }
                execution.setStatus(BatchStatus.STOPPING);
                jobRepository.update(execution);
                stopped++;
                log.warn("Stopping billing run {} at the next chunk boundary", execution.getId());
            } catch (Exception e) {
                log.warn("Could not stop billing run {}: {}", execution.getId(), e.getMessage());
            }
        }
        return stopped;
    }
}
