package ca.isp.billing.jobs.cycle;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.report.CycleReconciliation;
import ca.isp.billing.jobs.report.RunReport;
import ca.isp.billing.jobs.report.RunReportListener;
import ca.isp.billing.jobs.report.UsageReconciliationTasklet;
import ca.isp.billing.jobs.support.UsageIngestJob;

/**
 * The usage ingest job (run.sh ingest): the billing cycle's own ingest and rate steps, the same
 * beans, as a job of their own, so usage is read and rated every hour and the cycle finds little
 * left to do, then the usage equations of what it read (usageReconciliation). Both steps only do
 * what is left (files not read yet, records not rated yet), so this job and a cycle never do the
 * same work twice; the run guard keeps them from running at once (UsageIngestLauncher).
 */
@Configuration
public class UsageIngestJobConfiguration {

    @Bean
    public Job usageIngest(JobRepository jobRepository, Step ingest, Step rate, Step usageReconciliation,
                           RunReport runReport, Clock clock) {
        return new JobBuilder(UsageIngestJob.NAME, jobRepository)
                // out/reports/<today>/ingest-report.html when the run ends
                .listener(RunReportListener.ingest(runReport, clock))
                .start(ingest)
                .next(rate)
                .next(usageReconciliation)
                .build();
    }

    @Bean
    public Step usageReconciliation(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    JdbcTemplate jdbc, BillingProperties properties) {
        UsageReconciliationTasklet tasklet = new UsageReconciliationTasklet(new CycleReconciliation(jdbc), jobRepository,
                properties.out().resolve("reports").resolve("ingest"));
        return new StepBuilder("usageReconciliation", jobRepository)
                .tasklet(tasklet, transactionManager)
                .build();
    }
}
