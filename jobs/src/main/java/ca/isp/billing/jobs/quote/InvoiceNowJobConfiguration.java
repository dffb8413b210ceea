package ca.isp.billing.jobs.quote;

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

import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.InvoiceNowJob;

/**
 * Invoice-now (run.sh invoice-now --account A [--quote Q]): an account's accepted quotes invoiced
 * on their own, outside the cycle, through the cycle's own steps: the same tax, invoice (gapless
 * numbers from the same series), review gate, render and hand-off beans, which take only this
 * account's quote invoices when the job parameter invoiceAccount is set (support.InvoiceScope),
 * then the manifest of invoice-now's own mail-vendor batch ({@code <date>-invoice-now-<account>}:
 * the cycle's batch of the same date, once handed to the vendor, is never rewritten). The cycle's invoice of the same day is another
 * invoice (invoice.source), left to the cycle. The journal posts these invoices with the next
 * cycle's (it posts what no run posted yet).
 */
@Configuration
public class InvoiceNowJobConfiguration {

    @Bean
    public Job invoiceNow(JobRepository jobRepository, Step quoteInvoice, Step tax, Step invoice, Step reviewGate,
                          Step render, Step handoff, Step handoffManifest) {
        return new JobBuilder(InvoiceNowJob.NAME, jobRepository)
                .validator(parameters -> {
                    JobParameter<?> date = parameters.getParameter(BillingCycleJob.CYCLE_DATE);
                    JobParameter<?> account = parameters.getParameter(InvoiceNowJob.ACCOUNT);
                    if (date == null || !(date.value() instanceof LocalDate) || account == null
                            || account.value().toString().isBlank()) {
                        throw new InvalidJobParametersException(
                                "invoiceNow needs cycleDate (java.time.LocalDate) and invoiceAccount");
                    }
                })
                .start(quoteInvoice)
                .next(tax)
                .next(invoice)
                .next(reviewGate)
                .next(render)
                .next(handoff)
                .next(handoffManifest)
                .build();
    }

    @Bean
    public Step quoteInvoice(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             QuoteInvoiceTasklet quoteInvoiceTasklet) {
        return new StepBuilder("quoteInvoice", jobRepository)
                .tasklet(quoteInvoiceTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public QuoteInvoiceTasklet quoteInvoiceTasklet(NamedParameterJdbcTemplate jdbc,
                                                   @Value("#{jobParameters['cycleDate']}") LocalDate date,
                                                   @Value("#{jobParameters['invoiceAccount']}") String account,
                                                   @Value("#{jobParameters['quote']}") String quote) {
        return new QuoteInvoiceTasklet(jdbc, date, account, quote);
    }
}
