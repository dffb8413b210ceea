package ca.isp.billing.jobs.support;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The usage ingest job (run.sh ingest): the cycle's ingest and rate steps alone, for an hourly
 * cron. Its identity is a run number: a run that failed or was stopped is resumed by the next
 * request (as a cycle is), a completed one is followed by run + 1.
 */
public final class UsageIngestJob {

    public static final String NAME = "usageIngest";
    public static final String RUN = "run";

    private UsageIngestJob() {
    }

    public static JobParameters parameters(long run) {
        return new JobParametersBuilder().addLong(RUN, run, true).toJobParameters();
    }
}
