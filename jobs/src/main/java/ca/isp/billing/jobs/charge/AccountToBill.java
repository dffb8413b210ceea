package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.BilledItem;
import ca.isp.billing.domain.BillingAnchor;
import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.DailyBytes;
import ca.isp.billing.domain.Call;
import ca.isp.billing.domain.CommercialTerms;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.SubscriptionHistory;

/**
 * An account due for billing, with everything the charge rules need, loaded in bulk per page:
 * its bill day over time, the first day this system bills ({@code billingStart}: terms served
 * before it were billed by the previous system), every subscription as it is now (ended ones included),
 * what was billed for them before, its unbilled usage per subscription and account period
 * (monthly allowances apply to each month, even when several months are billed at once), its
 * calls priced with a rate table per subscription and account period, its
 * pending late fees, and its one-time charges and credits dated on or before the cycle date, and its
 * contract prices and discounts with what the discounts took off before ({@code commercial}).
 */
public record AccountToBill(long accountId, String accountNumber, Language language, String currency,
                            LocalDate nextBillDate, BillingAnchor anchor, LocalDate billingStart,
                            List<SubscriptionHistory> subscriptions, List<BilledItem> billed,
                            Map<String, List<UsageTotals>> usageBySubscription,
                            Map<String, List<PeriodCalls>> callsBySubscription, List<PendingLateFee> lateFees,
                            List<PendingCharge> charges, CommercialTerms commercial) {

    /**
     * Rated, not yet billed usage of one subscription in one account period, in billable units,
     * summed exactly: however many records, a total never overflows.
     */
    public record UsageTotals(BillingPeriod period, DailyBytes dataByDay, BigInteger voiceMinutes) {

        /** The period's data in bytes, all days together. */
        public BigInteger dataBytes() {
            return dataByDay.total();
        }
    }

    /**
     * Calls of one subscription in one account period that the rate step priced with a rate table
     * (they have a rated amount): billed by VoiceCharger, call by call in the order they were made,
     * against the plan's included minutes, of which the calls of the period billed on an earlier
     * invoice ({@code billedBefore}: a call file that came late) used their part first.
     */
    public record PeriodCalls(BillingPeriod period, List<Call> calls, List<Call> billedBefore) {
    }

    /** An imported one-time charge (amount > 0) or credit (amount < 0), to be billed on this invoice. */
    public record PendingCharge(long id, String chargeRef, LocalDate chargeDate, BigDecimal amount,
                                String descriptionEn, String descriptionFr, String reason, String lineType) {
    }

    /** A late fee assessed on an earlier invoice, to be billed on this one. */
    public record PendingLateFee(long lateFeeId, String invoiceNumber, LocalDate dueDate, String policyCode,
                                 int period, BigDecimal amount) {
    }
}
