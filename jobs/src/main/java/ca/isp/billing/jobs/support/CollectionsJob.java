package ca.isp.billing.jobs.support;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The daily collections job's identity in the job repository: one instance per date
 * ({@code collectionsDate}, a {@code java.time.LocalDate}): the same date again is the same run.
 */
public final class CollectionsJob {

    public static final String NAME = "collections";
    public static final String DATE = "collectionsDate";

    private CollectionsJob() {
    }

    public static JobParameters parameters(LocalDate date) {
        return new JobParametersBuilder().addLocalDate(DATE, date).toJobParameters();
    }
}
