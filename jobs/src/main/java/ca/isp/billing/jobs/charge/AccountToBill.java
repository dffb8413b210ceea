package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.Subscription;

/** An account due for billing, with everything the charge rules need, loaded in bulk per page. */
public record AccountToBill(long accountId, String accountNumber, Language language, String currency,
                            LocalDate nextBillDate, List<Subscription> subscriptions,
                            Map<String, UsageTotals> usageBySubscription, List<PendingLateFee> lateFees) {

    /** Rated, not yet billed usage of one subscription, in billable units. */
    public record UsageTotals(long dataBytes, long voiceMinutes) {
    }

    /** A late fee assessed on an earlier invoice, to be billed on this one. */
    public record PendingLateFee(long lateFeeId, String invoiceNumber, LocalDate dueDate, String policyCode,
                                 BigDecimal amount) {
    }
}
