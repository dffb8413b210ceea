package ca.isp.billing.jobs.cycle;

import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;

/**
 * What a request to bill or rerun a cycle came to, and the sentence an operator reads about it.
 *
 * @param cycleDate the cycle asked for
 * @param result    what happened
 * @param message   one line for the operator (for a failure: the step, the cause, what to do)
 * @param execution the run that was started or resumed, null when none was
 */
public record CycleOutcome(LocalDate cycleDate, Result result, String message, JobExecution execution) {

    public enum Result {
        /** The cycle (or rerun) ran to the end now. */
        COMPLETED,
        /** The cycle had completed before: nothing was done. */
        ALREADY_COMPLETED,
        /** The cycle date looks like a typo (far ahead, or before the last completed cycle): not started. */
        REFUSED,
        /** A run is in the way: this cycle is marked running or abandoned, or another cycle is unfinished. */
        IN_THE_WAY,
        /** The run failed, or could not start or resume; the same request resumes it. */
        FAILED,
        /** The run was asked to stop (SIGTERM, Ctrl-C) and stopped at a chunk boundary; the same request resumes it. */
        STOPPED
    }

    static CycleOutcome of(LocalDate cycleDate, Result result, String message) {
        return new CycleOutcome(cycleDate, result, message, null);
    }
}
