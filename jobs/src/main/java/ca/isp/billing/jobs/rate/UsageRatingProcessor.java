package ca.isp.billing.jobs.rate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.Call;
import ca.isp.billing.domain.CallRater;
import ca.isp.billing.domain.CallRating;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.RatedCall;
import ca.isp.billing.domain.RatingGap;
import ca.isp.billing.domain.UnbilledCall;
import ca.isp.billing.domain.UsageRater;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.domain.UsageType;

/**
 * Rates one usage record: billable units by the rules of UsageRater, or UNMATCHED. A call of a
 * plan that has a rate table (RateTables) is also priced by CallRater: its amount at the table's
 * price and its band (RATED), or no rate prices it (RATING_GAP, with the reason: never billed,
 * listed in the run summary, rated again next run). An unanswered call is billed nothing.
 */
public class UsageRatingProcessor implements ItemProcessor<UsageToRate, RatedUsage> {

    private final RateTables rateTables;

    public UsageRatingProcessor(RateTables rateTables) {
        this.rateTables = rateTables;
    }

    @Override
    public RatedUsage process(UsageToRate usage) {
        if (usage.subscriptionId() == null) {
            return RatedUsage.unmatched(usage.id());
        }
        UsageType type = UsageType.valueOf(usage.usageType());
        long units = UsageRater.billableUnits(type, usage.quantity());
        if (type != UsageType.VOICE || !rateTables.has(usage.planCode())) {
            return new RatedUsage(usage.id(), UsageStatus.RATED, usage.subscriptionId(), usage.accountId(), units,
                    null, null, null);
        }
        String refusal = rateTables.refusal(usage.planCode());
        if (refusal != null) {
            return gap(usage, "rate table " + usage.planCode() + " refused: " + refusal);
        }
        // A call file says how the call ended; a usage CSV line does not: a call with talk time was answered.
        boolean answered = usage.disposition() == null ? usage.quantity() > 0 : usage.disposition().equals("ANSWERED");
        Call call = new Call(usage.recordId(), usage.destination() == null ? "" : usage.destination(), usage.start(),
                usage.quantity(), answered);
        CallRating rating = CallRater.rate(call, rateTables.of(usage.planCode()));
        if (rating instanceof RatedCall rated) {
            return new RatedUsage(usage.id(), UsageStatus.RATED, usage.subscriptionId(), usage.accountId(), units,
                    rated.fullAmount(), rated.band() == null ? rated.rate().band() : rated.band(), null);
        }
        if (rating instanceof UnbilledCall unbilled) {
            return new RatedUsage(usage.id(), UsageStatus.RATED, usage.subscriptionId(), usage.accountId(), 0L,
                    Money.ZERO, null, unbilled.reason());
        }
        return gap(usage, ((RatingGap) rating).reason());
    }

    private static RatedUsage gap(UsageToRate usage, String reason) {
        String note = reason.length() > 300 ? reason.substring(0, 297) + "..." : reason;
        return new RatedUsage(usage.id(), UsageStatus.RATING_GAP, usage.subscriptionId(), usage.accountId(), null, null,
                null, note);
    }
}
