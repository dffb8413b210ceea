package ca.isp.billing.jobs.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.RunGuard;
import ca.isp.billing.jobs.support.UsageIngestJob;

/**
 * Runs the usage ingest job (run.sh ingest) with the cycle's restart rules: the run guard first
 * (one run at a time, a cycle included), then the last run: failed or stopped -> resumed where it
 * stopped; left running by a process that died (we hold the guard, so it is dead) -> recovered
 * and resumed; completed (or none) -> a new run, number + 1. The outcome is a {@link CycleOutcome}
 * dated today, as the command line maps outcomes to exit codes in one place.
 */
@Component
public class UsageIngestLauncher {

    private static final Logger log = LoggerFactory.getLogger(UsageIngestLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job usageIngest;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;

    public UsageIngestLauncher(JobOperator jobOperator, JobRepository jobRepository, Job usageIngest,
                               BillingProperties properties, Clock clock, RunGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.usageIngest = usageIngest;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
    }

    public CycleOutcome ingest() {
        LocalDate today = LocalDate.now(clock);
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(today, Result.IN_THE_WAY, "another billing run is in progress on this database (it"
                    + " holds the run lock); the next ingest will read what it leaves");
        }
        try (RunGuard.Held ignored = held.get()) {
            JobInstance instance = jobRepository.getLastJobInstance(UsageIngestJob.NAME);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            JobExecution execution;
            if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                long run = last == null ? 1 : last.getJobParameters().getLong(UsageIngestJob.RUN) + 1;
                log.info("Usage ingest: run {}.", run);
                execution = jobOperator.start(usageIngest, UsageIngestJob.parameters(run));
            } else if (last.getStatus().isRunning()) {
                log.warn("Usage ingest: run {} was left running by a process that died; recovering it and resuming.",
                        last.getId());
                execution = jobOperator.restart(jobOperator.recover(last));
            } else {
                log.info("Usage ingest: resuming run {} ({}) where it stopped.", last.getId(), last.getStatus());
                execution = jobOperator.restart(last);
            }
            return finished(today, execution);
        } catch (Exception e) {
            log.error("usage ingest could not start or record its end", e);
            return CycleOutcome.of(today, Result.FAILED, "usage ingest could not start or record its end: "
                    + e.getMessage() + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    private CycleOutcome finished(LocalDate today, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            StringBuilder counts = new StringBuilder();
            for (StepExecution step : execution.getStepExecutions()) {
                counts.append(String.format("%n  %-8s read %d, written %d, filtered %d, skipped %d", step.getStepName(),
                        step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount()));
            }
            return new CycleOutcome(today, Result.COMPLETED, "Usage ingest completed (run " + execution.getId() + "):"
                    + counts, execution);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new CycleOutcome(today, Result.STOPPED, "Usage ingest stopped on request (run " + execution.getId()
                    + "): run the same command again to resume.", execution);
        }
        String cause = execution.getAllFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                .orElse(execution.getExitStatus().getExitDescription());
        return new CycleOutcome(today, Result.FAILED, "usage ingest " + execution.getStatus() + ": " + cause
                + ". Fix the cause and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
    }
}
