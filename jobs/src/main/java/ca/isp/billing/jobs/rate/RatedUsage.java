package ca.isp.billing.jobs.rate;

import ca.isp.billing.domain.UsageStatus;

/** The outcome of rating one record: RATED with its billable units, or UNMATCHED. */
public record RatedUsage(long id, UsageStatus status, Long subscriptionId, Long accountId, Long billableUnits) {
}
