package ca.isp.billing.jobs.support;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The invoice-now job's identity: the account ({@code invoiceAccount}), the invoice date (as
 * {@code cycleDate}, the parameter the shared steps read), the quote asked for ({@code quote}, ""
 * for every accepted one) and a run number: a failed run is resumed, a completed one is followed
 * by run + 1, which bills only what is left.
 */
public final class InvoiceNowJob {

    public static final String NAME = "invoiceNow";
    public static final String ACCOUNT = "invoiceAccount";
    public static final String QUOTE = "quote";
    public static final String RUN = "run";

    private InvoiceNowJob() {
    }

    public static JobParameters parameters(String account, LocalDate date, String quote, long run) {
        return new JobParametersBuilder().addString(ACCOUNT, account).addLocalDate(BillingCycleJob.CYCLE_DATE, date)
                .addString(QUOTE, quote == null ? "" : quote).addLong(RUN, run).toJobParameters();
    }
}
