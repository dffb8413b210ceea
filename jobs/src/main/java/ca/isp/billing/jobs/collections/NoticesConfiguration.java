package ca.isp.billing.jobs.collections;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DunningNotices;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.handoff.Backoff;
import ca.isp.billing.jobs.handoff.LobCourier;
import ca.isp.billing.jobs.handoff.NoticeHandoffTasklet;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.NoticeDocuments;

import okhttp3.OkHttpClient;

/**
 * The two notice steps of the daily collections job, after delinquency and the provisioning lists:
 * {@code notices} queues the day's notices in the outbox (committed with the step), then
 * {@code noticeHandoff} sends what is queued. Settings: {@code billing.notices.*} ({@link NoticeSettings}).
 */
@Configuration
public class NoticesConfiguration {

    @Bean
    public Step notices(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        NoticeQueueTasklet noticeQueueTasklet) {
        return new StepBuilder("notices", jobRepository).tasklet(noticeQueueTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public NoticeQueueTasklet noticeQueueTasklet(JdbcTemplate jdbc, BillingProperties properties, CompanyProfiles company,
                                                 NoticeSettings settings,
                                                 @Value("#{jobParameters['collectionsDate']}") LocalDate date) {
        BillingProperties.Delinquency d = properties.delinquency();
        DunningNotices dunning = new DunningNotices(settings.reminderDaysBefore(), settings.pastDueDaysAfter(),
                CollectionsCalendars.load(jdbc, d.allowedDays()));
        return new NoticeQueueTasklet(jdbc, new NoticeDocuments(properties.templates()), company, settings, dunning,
                d.minimumOverdue(), date);
    }

    @Bean
    public Step noticeHandoff(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              NoticeHandoffTasklet noticeHandoffTasklet) {
        return new StepBuilder("noticeHandoff", jobRepository).tasklet(noticeHandoffTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public NoticeHandoffTasklet noticeHandoffTasklet(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                                     BillingProperties properties, CompanyProfiles company,
                                                     @Value("#{jobParameters['collectionsDate']}") LocalDate date,
                                                     OkHttpClient lobHttp) {
        BillingProperties.Lob lob = properties.lob();
        LobCourier print = lob.configured()
                ? new LobCourier(lob, company.forLanguage(Language.EN).name(), company.lobReturnAddress(), lobHttp,
                        new Backoff(lob.retryDelay(), Duration.ofSeconds(30), lob.maxRetryAfter()))
                : null;
        return new NoticeHandoffTasklet(jdbc, transactionManager, properties, company, date, print);
    }
}
