package ca.isp.billing.jobs.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * Starts, resumes, recovers and reruns billing cycles, with the guards that keep an unattended
 * pipeline from billing the wrong thing: one unfinished cycle at a time, and a cycle date that
 * looks like a typo refused unless forced. The command line, the demo and the tests call it;
 * it prints nothing and decides no exit code (see {@link CycleOutcome}).
 */
@Component
public class CycleLauncher {

    private static final Logger log = LoggerFactory.getLogger(CycleLauncher.class);
    private static final String ANOTHER_RUN = "another billing run is in progress on this database (it holds the"
            + " run lock); wait for it to finish, or stop it with Ctrl-C / kill, then run the same command again";
    /** A cycle date further ahead than this is most likely a typo (2072 for 2027). */
    private static final int MAX_DAYS_AHEAD = 31;

    /**
     * How to bill: RECOVER is the operator saying a run left "running" was killed; it is no longer
     * needed (the run guard tells a dead run from a live one) and kept so scripts that pass it
     * still work. FORCE skips the
     * date sanity guard and is passed to the job (the {@code force} parameter), which then does
     * what it would otherwise refuse as implausible. A resumed run keeps the parameters it
     * started with.
     */
    public enum Option { RECOVER, FORCE }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job billingCycle;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;

    public CycleLauncher(JobOperator jobOperator, JobRepository jobRepository, Job billingCycle,
                         BillingProperties properties, Clock clock, RunGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.billingCycle = billingCycle;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
    }

    /**
     * Runs the cycle for a date: starts it, resumes it after a failure, or says it is done. Only
     * one run at a time: the run guard is taken first. Holding it, a run still marked as running
     * was left by a process that died (kill -9, power cut), since a live one would hold the
     * guard: it is recovered and resumed.
     */
    public CycleOutcome bill(LocalDate cycleDate, Option... options) {
        Set<Option> chosen = options.length == 0 ? Set.of() : Set.of(options);
        if (!chosen.contains(Option.FORCE)) {
            String refusal = implausible(cycleDate);
            if (refusal != null) {
                return CycleOutcome.of(cycleDate, Result.REFUSED, refusal);
            }
        }
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, ANOTHER_RUN);
        }
        try (RunGuard.Held ignored = held.get()) {
            return billHoldingTheGuard(cycleDate, chosen);
        }
    }

    private CycleOutcome billHoldingTheGuard(LocalDate cycleDate, Set<Option> chosen) {
        JobParameters parameters = BillingCycleJob.parameters(cycleDate, null);
        JobExecution last = jobRepository.getLastJobExecution(BillingCycleJob.NAME, parameters);
        JobExecution execution;
        try {
            JobExecution unfinished = last == null ? unfinishedCycle() : null;
            if (unfinished != null) {
                return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, inTheWay(unfinished));
            }
            if (last == null) {
                log.info("Billing cycle {}: starting.", cycleDate);
                execution = jobOperator.start(billingCycle,
                        BillingCycleJob.parameters(cycleDate, null, chosen.contains(Option.FORCE)));
            } else if (last.getStatus() == BatchStatus.COMPLETED) {
                return new CycleOutcome(cycleDate, Result.ALREADY_COMPLETED, "Billing cycle " + cycleDate
                        + " was completed at " + last.getEndTime() + " (run " + last.getId() + "): nothing to do.", last);
            } else if (last.getStatus() == BatchStatus.ABANDONED) {
                return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, "billing cycle " + cycleDate
                        + " was abandoned (run " + last.getId() + ") and cannot be resumed.");
            } else {
                execution = RunResumption.resume(jobOperator, "Billing cycle " + cycleDate, last);
            }
        } catch (Exception e) {
            return brokenOff("billing cycle " + cycleDate, cycleDate, e);
        }
        return finished(cycleDate, execution);
    }

    /**
     * Runs a completed cycle's steps again as a new job instance ({@code rerun=n}): every step
     * does only what is left (held invoices once tax rates are imported, failed deliveries, files
     * that arrived late), so nothing already billed or sent is done twice. A failed rerun is
     * resumed by the next rerun request.
     */
    public CycleOutcome rerun(LocalDate cycleDate, Option... options) {
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, ANOTHER_RUN);
        }
        try (RunGuard.Held ignored = held.get()) {
            return rerunHoldingTheGuard(cycleDate, List.of(options).contains(Option.FORCE));
        }
    }

    private CycleOutcome rerunHoldingTheGuard(LocalDate cycleDate, boolean force) {
        JobExecution original = jobRepository.getLastJobExecution(BillingCycleJob.NAME,
                BillingCycleJob.parameters(cycleDate, null));
        if (original == null || original.getStatus() != BatchStatus.COMPLETED) {
            return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, "billing cycle " + cycleDate
                    + " has not completed; use ./run.sh bill --cycle-date " + cycleDate + " to run or resume it");
        }
        RunResumption.NumberedRun rerun = RunResumption.firstNotCompleted(jobRepository, BillingCycleJob.NAME,
                n -> BillingCycleJob.parameters(cycleDate, n));
        long n = rerun.run();
        JobExecution last = rerun.last();
        try {
            JobExecution unfinished = last == null ? unfinishedCycle() : null;
            if (unfinished != null) {
                return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, inTheWay(unfinished));
            }
            if (last == null) {
                log.info("Billing cycle {}: rerun {} (only what is left is done).", cycleDate, n);
                return finished(cycleDate, jobOperator.start(billingCycle,
                        BillingCycleJob.parameters(cycleDate, n, force)));
            }
            return finished(cycleDate, RunResumption.resume(jobOperator, "Billing cycle " + cycleDate + " rerun " + n,
                    last));
        } catch (Exception e) {
            return brokenOff("rerun of billing cycle " + cycleDate, cycleDate, e);
        }
    }

    /**
     * The run of the cycle an operator may give up on: the last run of its first run or of a
     * rerun that is neither COMPLETED nor ABANDONED (failed, stopped, or marked running).
     */
    public Optional<JobExecution> unfinishedRun(LocalDate cycleDate) {
        return BillingCycleJob.executionsOf(jobRepository, cycleDate).stream()
                .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED)
                .filter(e -> e.getId() == jobRepository.getLastJobExecution(e.getJobInstance()).getId())
                .max(Comparator.comparing(JobExecution::getId));
    }

    /**
     * Gives up on the cycle's unfinished run (Spring Batch's abandon): it will never be resumed,
     * and it no longer stops other cycles from starting. What its steps committed stays: issued
     * invoices keep their numbers and ledger entries, accounts charged keep their next bill date,
     * accounts not charged are billed by the next cycle. Under the run guard: a live run is never
     * abandoned; one marked running by a process that died is recovered first.
     */
    public CycleOutcome abandon(LocalDate cycleDate) {
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(cycleDate, Result.IN_THE_WAY, ANOTHER_RUN
                    + " (stop it first with Ctrl-C or kill, then abandon)");
        }
        try (RunGuard.Held ignored = held.get()) {
            Optional<JobExecution> unfinished = unfinishedRun(cycleDate);
            if (unfinished.isEmpty()) {
                return CycleOutcome.of(cycleDate, Result.REFUSED, "billing cycle " + cycleDate
                        + " has no unfinished run to abandon (./run.sh status --cycle-date " + cycleDate + ")");
            }
            JobExecution execution = unfinished.get();
            if (execution.getStatus().isRunning()) {
                // we hold the guard, so the process that marked it running is dead
                execution = jobOperator.recover(execution);
            }
            JobExecution abandoned = jobOperator.abandon(execution);
            log.warn("{}: run {} abandoned by the operator; it will not be resumed.", BillingCycleJob.describe(abandoned),
                    abandoned.getId());
            return new CycleOutcome(cycleDate, Result.COMPLETED, BillingCycleJob.describe(abandoned) + ": run "
                    + abandoned.getId() + " abandoned; it will not be resumed and no longer holds up other cycles.",
                    abandoned);
        } catch (Exception e) {
            return brokenOff("abandoning billing cycle " + cycleDate, cycleDate, e);
        }
    }

    /**
     * The job could not start, or could not record its own end: Spring Batch threw instead of
     * returning a finished execution, which is what a database gone away mid-run does (the step
     * fails, then saving its status fails too). The run stays marked as running; the same
     * command resumes it once the cause is fixed (the guard tells it is dead).
     */
    private CycleOutcome brokenOff(String what, LocalDate cycleDate, Exception e) {
        log.error("{} could not start or record its end", what, e);
        String cause = rootCause(e).getMessage();
        String message = e.getMessage() == null || e.getMessage().equals(cause) ? cause : e.getMessage() + " (" + cause + ")";
        return CycleOutcome.of(cycleDate, Result.FAILED, what + " could not start or record its end: " + firstLine(message)
                + ". Fix the cause (is the database reachable?) and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").");
    }

    /** A date more than a month ahead or before the last completed cycle is most likely a typo. */
    private String implausible(LocalDate cycleDate) {
        if (cycleDate.isAfter(LocalDate.now(clock).plusDays(MAX_DAYS_AHEAD))) {
            return "cycle date " + cycleDate + " is more than a month ahead; add --force if it is right";
        }
        LocalDate latest = latestCompletedCycle();
        if (latest != null && cycleDate.isBefore(latest)) {
            return "cycle date " + cycleDate + " is before the last completed cycle " + latest
                    + "; add --force if it is right";
        }
        return null;
    }

    private LocalDate latestCompletedCycle() {
        return BillingCycleJob.lastExecutions(jobRepository, Integer.MAX_VALUE).stream()
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .map(BillingCycleJob::cycleDate)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Before a new cycle (or rerun) starts: another one that is running, failed or stopped.
     * Billing a new cycle meanwhile would, for one, charge late fees on invoices not yet sent.
     */
    private JobExecution unfinishedCycle() {
        return BillingCycleJob.lastExecutions(jobRepository, Integer.MAX_VALUE).stream()
                .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED)
                .findFirst().orElse(null);
    }

    private static String inTheWay(JobExecution unfinished) {
        return BillingCycleJob.describe(unfinished) + " is " + unfinished.getStatus() + " (run " + unfinished.getId()
                + "); finish it first: ./run.sh " + (BillingCycleJob.rerun(unfinished) == null ? "bill" : "rerun")
                + " --cycle-date " + BillingCycleJob.cycleDate(unfinished);
    }

    /** The outcome of a run that has ended: completed, stopped on request, or failed in a step. */
    private CycleOutcome finished(LocalDate cycleDate, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new CycleOutcome(cycleDate, Result.COMPLETED, "Billing cycle " + cycleDate + " completed.", execution);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new CycleOutcome(cycleDate, Result.STOPPED, "Billing cycle " + cycleDate + " stopped on request (run "
                    + execution.getId() + "): every finished chunk is kept; run the same command again to resume.",
                    execution);
        }
        String failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful() && !s.getStepName().contains(":"))
                .map(StepExecution::getStepName).findFirst().orElse("?");
        // A partition's own exception says more than its manager's "Partition handler returned..."
        String cause = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")))
                .flatMap(s -> s.getFailureExceptions().stream()).findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(t -> rootCause(t).getMessage()).orElse(execution.getExitStatus().getExitDescription());
        return new CycleOutcome(cycleDate, Result.FAILED, "billing cycle " + cycleDate + " " + execution.getStatus()
                + " in step " + failedStep + ": " + firstLine(cause) + ". Fix the cause and run the same command again"
                + " to resume (details: " + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
