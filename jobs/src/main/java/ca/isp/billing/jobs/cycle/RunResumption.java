package ca.isp.billing.jobs.cycle;

import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * How every launcher goes on from a job's last run, holding the run guard: a run marked running
 * was left so by a process that died (nothing else can run it), so it is recovered (Spring Batch's
 * recover), then resumed where it stopped; a failed or stopped run is resumed where it stopped.
 * Jobs run more than once for the same day or period number their runs from 1.
 */
final class RunResumption {

    private static final Logger log = LoggerFactory.getLogger(RunResumption.class);

    private RunResumption() {
    }

    /** @param what the run in words, for the log ("Billing cycle 2026-11-01", "Usage ingest") */
    static JobExecution resume(JobOperator operator, String what, JobExecution last) throws Exception {
        if (last.getStatus().isRunning()) {
            log.warn("{}: run {} was left running by a process that died (started {}); recovering it and resuming"
                    + " where it stopped.", what, last.getId(), last.getStartTime());
            return operator.restart(operator.recover(last));
        }
        log.info("{}: resuming run {} ({}) where it stopped.", what, last.getId(), last.getStatus());
        return operator.restart(last);
    }

    /**
     * The run to go on with: the first run number, from 1, that neither completed nor was
     * abandoned (an abandoned run is never resumed: the next number is a new run), with its last
     * execution (null: not run yet, start it).
     */
    static NumberedRun firstNotCompleted(JobRepository repository, String jobName,
                                         LongFunction<JobParameters> parametersOfRun) {
        for (long run = 1; ; run++) {
            JobExecution last = repository.getLastJobExecution(jobName, parametersOfRun.apply(run));
            if (last == null || (last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED)) {
                return new NumberedRun(run, last);
            }
        }
    }

    record NumberedRun(long run, JobExecution last) {
    }

    /** A line per step of a completed run: what it read, wrote, filtered and skipped. */
    static String stepCounts(JobExecution execution, int nameWidth) {
        StringBuilder counts = new StringBuilder();
        for (StepExecution step : execution.getStepExecutions()) {
            counts.append(String.format("%n  %-" + nameWidth + "s read %d, written %d, filtered %d, skipped %d",
                    step.getStepName(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
                    step.getSkipCount()));
        }
        return counts.toString();
    }
}
