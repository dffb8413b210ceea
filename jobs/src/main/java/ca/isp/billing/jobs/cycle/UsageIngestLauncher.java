package ca.isp.billing.jobs.cycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.RunGuard;
import ca.isp.billing.jobs.support.UsageRerateJob;
import ca.isp.billing.jobs.support.UsageIngestJob;

/**
 * Runs the usage ingest job (run.sh ingest) and the rerate job (run.sh rerate, see
 * {@link #rerate}) with the cycle's restart rules: the run guard first
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
    private final Job usageRerate;
    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;

    public UsageIngestLauncher(JobOperator jobOperator, JobRepository jobRepository, Job usageIngest, Job usageRerate,
                               JdbcTemplate jdbc, BillingProperties properties, Clock clock, RunGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.usageIngest = usageIngest;
        this.usageRerate = usageRerate;
        this.jdbc = jdbc;
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
            } else {
                execution = RunResumption.resume(jobOperator, "Usage ingest", last);
            }
            return finished(today, execution);
        } catch (Exception e) {
            log.error("usage ingest could not start or record its end", e);
            return CycleOutcome.of(today, Result.FAILED, "usage ingest could not start or record its end: "
                    + e.getMessage() + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    /**
     * run.sh rerate: the usage records that started in [from, to) and are not on an invoice
     * (RATED, UNMATCHED, RATING_GAP) go back to NEW, then the rate step alone (job usageRerate)
     * rates them again with the rates and identifiers as they are now. Records are updated in
     * place: nothing is added, nothing invoiced is touched. Refused while a cycle is unfinished
     * (its charge step would miss records put back to NEW). A failed rerate of the period is
     * resumed by the same command; a completed one is run again as run + 1.
     */
    public CycleOutcome rerate(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(today, Result.IN_THE_WAY, "another billing run is in progress on this database (it"
                    + " holds the run lock); run the rerate again once it has finished");
        }
        try (RunGuard.Held ignored = held.get()) {
            JobExecution unfinished = BillingCycleJob.lastExecutions(jobRepository, Integer.MAX_VALUE).stream()
                    .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED)
                    .findFirst().orElse(null);
            if (unfinished != null) {
                return CycleOutcome.of(today, Result.IN_THE_WAY, BillingCycleJob.describe(unfinished) + " is "
                        + unfinished.getStatus() + ": finish it first (./run.sh bill or rerun), then rerate");
            }
            int reset = jdbc.update("""
                    UPDATE usage_record SET status = ?, subscription_id = NULL, account_id = NULL, billable_units = NULL,
                        rated_amount = NULL, rate_band = NULL, rating_note = NULL
                    WHERE status IN (?, ?, ?) AND invoice_id IS NULL AND start_time >= ? AND start_time < ?""",
                    UsageStatus.NEW.name(), UsageStatus.RATED.name(), UsageStatus.UNMATCHED.name(),
                    UsageStatus.RATING_GAP.name(), Timestamp.valueOf(from.atStartOfDay()),
                    Timestamp.valueOf(to.atStartOfDay()));
            log.info("Rerate {} to {}: {} records not invoiced yet to rate again.", from, to, reset);
            RunResumption.NumberedRun rerate = RunResumption.firstNotCompleted(jobRepository, UsageRerateJob.NAME,
                    n -> UsageRerateJob.parameters(from, to, n));
            JobExecution execution = rerate.last() == null
                    ? jobOperator.start(usageRerate, UsageRerateJob.parameters(from, to, rerate.run()))
                    : RunResumption.resume(jobOperator, "Rerate " + from + " to " + to, rerate.last());
            return finished("Rerate " + from + " to " + to + " (" + reset + " records)", today, execution);
        } catch (Exception e) {
            log.error("rerate could not start or record its end", e);
            return CycleOutcome.of(today, Result.FAILED, "rerate could not start or record its end: " + e.getMessage()
                    + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    /**
     * The records waiting for an invoice by their stored status: the ingest step stores records
     * rated, so the rate step's counts are only the records it took again (unmatched, rating gaps,
     * NEW ones of older runs or of a rerate), not the records rated.
     */
    private String notBilled() {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM usage_record WHERE status IN (?, ?, ?, ?) GROUP BY status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        }, UsageStatus.NEW.name(), UsageStatus.RATED.name(), UsageStatus.UNMATCHED.name(), UsageStatus.RATING_GAP.name());
        long waiting = byStatus.getOrDefault(UsageStatus.NEW.name(), 0L);
        return String.format("%n  usage records not billed yet, by stored status: rated %d, unmatched %d, rating gaps %d%s",
                byStatus.getOrDefault(UsageStatus.RATED.name(), 0L), byStatus.getOrDefault(UsageStatus.UNMATCHED.name(), 0L),
                byStatus.getOrDefault(UsageStatus.RATING_GAP.name(), 0L), waiting > 0 ? ", not rated yet " + waiting : "");
    }

    private CycleOutcome finished(LocalDate today, JobExecution execution) {
        return finished("Usage ingest", today, execution);
    }

    private CycleOutcome finished(String what, LocalDate today, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String counts = RunResumption.stepCounts(execution, 8) + notBilled();
            return new CycleOutcome(today, Result.COMPLETED, what + " completed (run " + execution.getId() + "):"
                    + counts, execution);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new CycleOutcome(today, Result.STOPPED, what + " stopped on request (run " + execution.getId()
                    + "): run the same command again to resume.", execution);
        }
        String cause = execution.getAllFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                .orElse(execution.getExitStatus().getExitDescription());
        return new CycleOutcome(today, Result.FAILED, what + " " + execution.getStatus() + ": " + cause
                + ". Fix the cause and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
    }
}
