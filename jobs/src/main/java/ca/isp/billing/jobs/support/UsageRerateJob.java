package ca.isp.billing.jobs.support;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The rerate job (run.sh rerate --from D --to D): its identity is the period and a run number, so
 * a failed rerate of a period is resumed by the same command and a completed one can be asked
 * again (after another rate fix) as run + 1.
 */
public final class UsageRerateJob {

    public static final String NAME = "usageRerate";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String RUN = "run";

    private UsageRerateJob() {
    }

    public static JobParameters parameters(LocalDate from, LocalDate to, long run) {
        return new JobParametersBuilder().addLocalDate(FROM, from).addLocalDate(TO, to)
                .addLong(RUN, run, true).toJobParameters();
    }
}
