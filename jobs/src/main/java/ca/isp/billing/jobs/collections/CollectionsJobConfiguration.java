package ca.isp.billing.jobs.collections;

import java.time.LocalDate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.jobs.BillingProperties;

import ca.isp.billing.jobs.report.RunReport;
import ca.isp.billing.jobs.report.RunReportListener;
import ca.isp.billing.jobs.support.CollectionsJob;

/**
 * The daily collections job (run.sh collections --date D): the billing cycle's own payments,
 * deposit slips, late fees, delinquency and provisioning-list steps, the same beans, as a job of
 * their own (with the write-offs, this job's own, after the deposit slips and before the late
 * fees), so
 * an ISP collects every day and not only on cycle days. Every step does only what is left
 * (payment files not read, fee periods not charged, statuses not moved) and the lists are
 * rebuilt from the day's events, so a date run twice, or a cycle on the same day, changes
 * nothing more. One instance per date; CollectionsLauncher gives it the cycle's run guard and
 * restart rules.
 */
@Configuration
public class CollectionsJobConfiguration {

    @Bean
    public Job collections(JobRepository jobRepository, Step payments, Step depositSlips, Step lateFees,
                           Step delinquency, Step provisioningLists, Step notices, Step noticeHandoff, Step writeOffs,
                           RunReport runReport) {
        return new JobBuilder(CollectionsJob.NAME, jobRepository)
                // out/reports/<date>/collections-report.html when the run ends
                .listener(RunReportListener.collections(runReport, jobRepository))
                .validator(parameters -> {
                    JobParameter<?> date = parameters.getParameter(CollectionsJob.DATE);
                    if (date == null || !(date.value() instanceof LocalDate) || !date.identifying()) {
                        throw new InvalidJobParametersException(
                                "collections needs the identifying parameter collectionsDate of type java.time.LocalDate");
                    }
                })
                .start(payments)
                .next(depositSlips)
                // before late fees: an account written off today gets no fee today, and what a returned
                // payment reopened on a written-off account is written off again before a fee could see it
                .next(writeOffs)
                .next(lateFees)
                .next(delinquency)
                .next(provisioningLists)
                // reminders, past-due warnings, suspension and reactivation notices, usage alerts (NoticesConfiguration)
                .next(notices)
                .next(noticeHandoff)
                .build();
    }

    /** Balances given up on written off, and the collection agency's list (billing.write-off.after-days). */
    @Bean
    public Step writeOffs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          WriteOffTasklet writeOffTasklet) {
        return new StepBuilder("writeOffs", jobRepository).tasklet(writeOffTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public WriteOffTasklet writeOffTasklet(NamedParameterJdbcTemplate jdbc, BillingProperties properties,
                                           @Value("#{jobParameters['collectionsDate']}") LocalDate date) {
        return new WriteOffTasklet(jdbc, properties.writeOff().policy(), properties.out().resolve("collections"), date);
    }
}
