package ca.isp.billing.jobs.support;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The close-account job's identity: the account ({@code invoiceAccount}, the parameter the shared
 * steps scope by), the day the closure was asked for (as {@code cycleDate}: the final bill's
 * invoice date, the parameter the shared steps read), the last day of service ({@code closeDate}),
 * what its credits become ({@code settlement}) and a run number: a failed run is resumed, a
 * completed one is followed by run + 1, which finishes what is left (a final bill released by the
 * review gate since: settled, rendered, sent). Who asked is not part of the identity.
 */
public final class CloseAccountJob {

    public static final String NAME = "closeAccount";
    public static final String CLOSE_DATE = "closeDate";
    public static final String SETTLEMENT = "settlement";
    public static final String BY = "closedBy";
    public static final String RUN = "run";
    /** invoice.source of a final bill. */
    public static final String FINAL = "FINAL";

    private CloseAccountJob() {
    }

    public static JobParameters parameters(String account, LocalDate requestedOn, LocalDate closeDate,
                                           String settlement, String by, long run) {
        return new JobParametersBuilder().addString(InvoiceNowJob.ACCOUNT, account)
                .addLocalDate(BillingCycleJob.CYCLE_DATE, requestedOn).addLocalDate(CLOSE_DATE, closeDate)
                .addString(SETTLEMENT, settlement).addString(BY, by, false).addLong(RUN, run).toJobParameters();
    }
}
