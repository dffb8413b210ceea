package ca.isp.billing.jobs.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.isp.billing.jobs.support.UsageIngestJob;

/**
 * The usage ingest job (run.sh ingest): the billing cycle's own ingest and rate steps, the same
 * beans, as a job of their own, so usage is read and rated every hour and the cycle finds little
 * left to do. Both steps only do what is left (files not read yet, records not rated yet), so
 * this job and a cycle never do the same work twice; the run guard keeps them from running at
 * once (UsageIngestLauncher).
 */
@Configuration
public class UsageIngestJobConfiguration {

    @Bean
    public Job usageIngest(JobRepository jobRepository, Step ingest, Step rate) {
        return new JobBuilder(UsageIngestJob.NAME, jobRepository)
                .start(ingest)
                .next(rate)
                .build();
    }
}
