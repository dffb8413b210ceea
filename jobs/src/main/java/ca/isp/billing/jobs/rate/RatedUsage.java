package ca.isp.billing.jobs.rate;

import java.math.BigDecimal;

import ca.isp.billing.domain.UsageStatus;

/**
 * The outcome of rating one record: RATED with its billable units (and, for a call rated with a
 * rate table, its amount and band), UNMATCHED, or RATING_GAP with why no rate prices it.
 */
public record RatedUsage(long id, UsageStatus status, Long subscriptionId, Long accountId, Long billableUnits,
                         BigDecimal ratedAmount, String rateBand, String ratingNote) {

    static RatedUsage unmatched(long id) {
        return new RatedUsage(id, UsageStatus.UNMATCHED, null, null, null, null, null, null);
    }
}
