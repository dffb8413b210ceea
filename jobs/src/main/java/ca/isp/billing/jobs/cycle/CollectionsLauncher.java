package ca.isp.billing.jobs.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.report.RunReport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.CollectionsJob;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * Runs the daily collections job for a date with the cycle's rules: the run guard first (one run
 * at a time, a cycle included); then the date's last run: none -> started; completed -> nothing
 * to do; failed or stopped -> resumed where it stopped; left running by a process that died (we
 * hold the guard, so it is dead) -> recovered and resumed. A date more than a month ahead is
 * refused as a typo.
 */
@Component
public class CollectionsLauncher {

    private static final Logger log = LoggerFactory.getLogger(CollectionsLauncher.class);
    private static final int MAX_DAYS_AHEAD = 31;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job collections;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;
    private final RunReport runReport;

    public CollectionsLauncher(JobOperator jobOperator, JobRepository jobRepository,
                               @Qualifier("collections") Job collections, BillingProperties properties, Clock clock,
                               RunGuard guard, RunReport runReport) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.collections = collections;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
        this.runReport = runReport;
    }

    public CycleOutcome collect(LocalDate date) {
        if (date.isAfter(LocalDate.now(clock).plusDays(MAX_DAYS_AHEAD))) {
            return CycleOutcome.of(date, Result.REFUSED, "collections date " + date + " is more than a month ahead");
        }
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(date, Result.IN_THE_WAY, "another billing run is in progress on this database (it"
                    + " holds the run lock); run the same command again once it has finished");
        }
        try (RunGuard.Held ignored = held.get()) {
            JobExecution last = jobRepository.getLastJobExecution(CollectionsJob.NAME, CollectionsJob.parameters(date));
            JobExecution execution;
            if (last == null) {
                log.info("Collections {}: starting.", date);
                execution = jobOperator.start(collections, CollectionsJob.parameters(date));
            } else if (last.getStatus() == BatchStatus.COMPLETED) {
                return new CycleOutcome(date, Result.ALREADY_COMPLETED, "Collections " + date + " were completed at "
                        + last.getEndTime() + " (run " + last.getId() + "): nothing to do.", last);
            } else if (last.getStatus() == BatchStatus.ABANDONED) {
                return CycleOutcome.of(date, Result.IN_THE_WAY, "collections " + date + " were abandoned (run "
                        + last.getId() + ") and cannot be resumed.");
            } else {
                execution = RunResumption.resume(jobOperator, "Collections " + date, last);
            }
            return finished(date, execution);
        } catch (Exception e) {
            log.error("collections {} could not start or record their end", date, e);
            return CycleOutcome.of(date, Result.FAILED, "collections " + date + " could not start or record their end: "
                    + e.getMessage() + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    private CycleOutcome finished(LocalDate date, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            StringBuilder counts = new StringBuilder(RunResumption.stepCounts(execution, 18));
            // the receivables' ageing on the date, per currency (the collections report has the table)
            for (String line : runReport.ageingTotals(date)) {
                counts.append(String.format("%n  ageing %s", line));
            }
            return new CycleOutcome(date, Result.COMPLETED, "Collections " + date + " completed (run "
                    + execution.getId() + "):" + counts, execution);
        }
        String failedStep = execution.getStepExecutions().stream().filter(s -> s.getStatus().isUnsuccessful())
                .map(StepExecution::getStepName).findFirst().orElse("?");
        return new CycleOutcome(date, Result.FAILED, "collections " + date + " " + execution.getStatus() + " in step "
                + failedStep + ". Fix the cause and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
    }
}
