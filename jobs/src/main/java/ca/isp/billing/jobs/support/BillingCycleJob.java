package ca.isp.billing.jobs.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The billing cycle job's identity in the job repository: its name and its parameters. The job
 * configuration, the launcher, the report and the status command all name a cycle this way.
 */
public final class BillingCycleJob {

    public static final String NAME = "billingCycle";
    /** The cycle date, a {@code java.time.LocalDate}, identifying: the same date again is the same cycle. */
    public static final String CYCLE_DATE = "cycleDate";
    /** An operator's rerun of a completed cycle (1, 2, ...): a new instance of the same cycle date. */
    public static final String RERUN = "rerun";
    /**
     * The operator's --force, not identifying: "true" lets the cycle do what it would otherwise
     * refuse as implausible (for example catch up an account many periods behind).
     */
    public static final String FORCE = "force";

    private BillingCycleJob() {
    }

    /** The identifying parameters of a cycle's first run ({@code rerun} null) or of its rerun n. */
    public static JobParameters parameters(LocalDate cycleDate, Long rerun) {
        return parameters(cycleDate, rerun, false);
    }

    /** The same, with the operator's --force (not identifying: the same cycle, forced or not). */
    public static JobParameters parameters(LocalDate cycleDate, Long rerun, boolean force) {
        JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(CYCLE_DATE, cycleDate);
        if (rerun != null) {
            builder.addLong(RERUN, rerun);
        }
        builder.addString(FORCE, String.valueOf(force), false);
        return builder.toJobParameters();
    }

    /** Whether the run was started with --force. */
    public static boolean forced(JobExecution execution) {
        return "true".equals(execution.getJobParameters().getString(FORCE));
    }

    public static LocalDate cycleDate(JobExecution execution) {
        return execution.getJobParameters().getLocalDate(CYCLE_DATE);
    }

    /** The rerun number, or null for the cycle's own runs. */
    public static Long rerun(JobExecution execution) {
        return execution.getJobParameters().getLong(RERUN);
    }

    /** "cycle 2026-11-01" or "cycle 2026-11-01 (rerun 2)". */
    public static String describe(JobExecution execution) {
        Long rerun = rerun(execution);
        return "billing cycle " + cycleDate(execution) + (rerun == null ? "" : " (rerun " + rerun + ")");
    }

    /** Every run of a cycle: its first run, resumes and reruns, oldest first. */
    public static List<JobExecution> executionsOf(JobRepository repository, LocalDate cycleDate) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(NAME, 0, Integer.MAX_VALUE)) {
            for (JobExecution execution : repository.getJobExecutions(instance)) {
                if (cycleDate.equals(cycleDate(execution))) {
                    executions.add(execution);
                }
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getId));
        return executions;
    }

    /** The last execution of every cycle instance (first runs and reruns), newest instance first. */
    public static List<JobExecution> lastExecutions(JobRepository repository, int instances) {
        List<JobExecution> last = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(NAME, 0, instances)) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution != null) {
                last.add(execution);
            }
        }
        return last;
    }
}
