package ca.isp.billing.jobs.rate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.UsageRater;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.domain.UsageType;

/** Rates one usage record: billable units by the rules of UsageRater, or UNMATCHED. */
public class UsageRatingProcessor implements ItemProcessor<UsageToRate, RatedUsage> {

    @Override
    public RatedUsage process(UsageToRate usage) {
        if (usage.subscriptionId() == null) {
            return new RatedUsage(usage.id(), UsageStatus.UNMATCHED, null, null, null);
        }
        long units = UsageRater.billableUnits(UsageType.valueOf(usage.usageType()), usage.quantity());
        return new RatedUsage(usage.id(), UsageStatus.RATED, usage.subscriptionId(), usage.accountId(), units);
    }
}
