package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.Subscription;

/**
 * An account due for billing, with everything the charge rules need, loaded in bulk per page.
 * Unbilled usage is kept per subscription and per account period (monthly allowances apply to
 * each month, even when several months are billed at once).
 */
public record AccountToBill(long accountId, String accountNumber, Language language, String currency,
                            LocalDate nextBillDate, List<Subscription> subscriptions,
                            Map<String, List<UsageTotals>> usageBySubscription, List<PendingLateFee> lateFees) {

    /**
     * Rated, not yet billed usage of one subscription in one account period, in billable units,
     * summed exactly: however many records, a total never overflows.
     */
    public record UsageTotals(BillingPeriod period, BigInteger dataBytes, BigInteger voiceMinutes) {
    }

    /** A late fee assessed on an earlier invoice, to be billed on this one. */
    public record PendingLateFee(long lateFeeId, String invoiceNumber, LocalDate dueDate, String policyCode,
                                 BigDecimal amount) {
    }
}
