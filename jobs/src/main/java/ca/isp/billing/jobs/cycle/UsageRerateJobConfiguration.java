package ca.isp.billing.jobs.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.isp.billing.jobs.support.UsageRerateJob;

/**
 * The rerate job (run.sh rerate): the billing cycle's own rate step alone, run after
 * UsageIngestLauncher.rerate has put a period's records not invoiced yet back to NEW, so they
 * are rated again with the rates and identifiers as they are now. The step updates records in
 * place, guarded by their status: rating again never adds a record.
 */
@Configuration
public class UsageRerateJobConfiguration {

    @Bean
    public Job usageRerate(JobRepository jobRepository, Step rate) {
        return new JobBuilder(UsageRerateJob.NAME, jobRepository)
                .start(rate)
                .build();
    }
}
