package ca.isp.billing.jobs.closing;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.CatchUpLimit;
import ca.isp.billing.domain.RecurringCharger;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.charge.AccountChargeProcessor;
import ca.isp.billing.jobs.charge.DataTariffs;
import ca.isp.billing.jobs.rate.RateTables;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.CloseAccountJob;
import ca.isp.billing.jobs.support.InvoiceNowJob;
import ca.isp.billing.jobs.support.ReferenceData;

/**
 * Close-account (run.sh close-account --account A --date D --refund|--carry): an account's final
 * bill, outside the cycle, through the cycle's own steps as invoice-now runs them (the job
 * parameter invoiceAccount scopes tax, invoice, review gate, render and hand-off to the account's
 * invoices that are not the cycle's), read top to bottom: finalBill (FinalBillTasklet: the closure,
 * the subscriptions ended, the final bill drafted by the cycle's charge rules), tax, invoice
 * (numbered from the same series), reviewGate, settle (FinalSettlementTasklet: credits refunded or
 * carried once the final bill is past the gate), render, handoff, handoffManifest.
 */
@Configuration
public class CloseAccountJobConfiguration {

    @Bean
    public Job closeAccount(JobRepository jobRepository, Step finalBill, Step tax, Step invoice, Step reviewGate,
                            Step settleClosedAccount, Step render, Step handoff, Step handoffManifest) {
        return new JobBuilder(CloseAccountJob.NAME, jobRepository)
                .validator(parameters -> {
                    JobParameter<?> date = parameters.getParameter(BillingCycleJob.CYCLE_DATE);
                    JobParameter<?> close = parameters.getParameter(CloseAccountJob.CLOSE_DATE);
                    JobParameter<?> account = parameters.getParameter(InvoiceNowJob.ACCOUNT);
                    JobParameter<?> settlement = parameters.getParameter(CloseAccountJob.SETTLEMENT);
                    if (date == null || !(date.value() instanceof LocalDate) || close == null
                            || !(close.value() instanceof LocalDate) || account == null
                            || account.value().toString().isBlank() || settlement == null) {
                        throw new InvalidJobParametersException("closeAccount needs cycleDate and closeDate"
                                + " (java.time.LocalDate), invoiceAccount and settlement");
                    }
                })
                .start(finalBill)
                .next(tax)
                .next(invoice)
                .next(reviewGate)
                .next(settleClosedAccount)
                .next(render)
                .next(handoff)
                .next(handoffManifest)
                .build();
    }

    @Bean
    public Step finalBill(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          FinalBillTasklet finalBillTasklet) {
        return new StepBuilder("finalBill", jobRepository).tasklet(finalBillTasklet, transactionManager).build();
    }

    /** The cycle's charge rules with the company's proration switches, never held back by the catch-up limit. */
    @Bean
    @StepScope
    public FinalBillTasklet finalBillTasklet(NamedParameterJdbcTemplate jdbc, BillingProperties properties,
                                             @Value("#{jobParameters['cycleDate']}") LocalDate requestedOn,
                                             @Value("#{jobParameters['closeDate']}") LocalDate closeDate,
                                             @Value("#{jobParameters['invoiceAccount']}") String account,
                                             @Value("#{jobParameters['settlement']}") String settlement,
                                             @Value("#{jobParameters['closedBy']}") String by) {
        AccountChargeProcessor charger = new AccountChargeProcessor(requestedOn, ReferenceData.plans(jdbc.getJdbcTemplate()),
                new RecurringCharger(ReferenceData.planTerms(jdbc.getJdbcTemplate()), properties.proration().settings()),
                new CatchUpLimit(properties.plausible().catchUpPeriods()), true,
                RateTables.load(jdbc.getJdbcTemplate()), ReferenceData.includedMinutes(jdbc.getJdbcTemplate()),
                DataTariffs.load(jdbc.getJdbcTemplate()));
        return new FinalBillTasklet(jdbc, charger, properties.charge().billSuspended(), account, requestedOn, closeDate,
                settlement, by == null ? "unknown" : by);
    }

    @Bean
    public Step settleClosedAccount(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    FinalSettlementTasklet finalSettlementTasklet) {
        return new StepBuilder("settle", jobRepository).tasklet(finalSettlementTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public FinalSettlementTasklet finalSettlementTasklet(NamedParameterJdbcTemplate jdbc, BillingProperties properties,
                                                         Clock clock,
                                                         @Value("#{jobParameters['invoiceAccount']}") String account) {
        return new FinalSettlementTasklet(jdbc, properties.out().resolve("refunds"), clock, account);
    }
}
