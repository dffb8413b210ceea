package ca.isp.billing.jobs.rate;

/** The outcome of rating one record: RATED with its billable units, or UNMATCHED. */
public record RatedUsage(long id, String status, Long subscriptionId, Long accountId, Long billableUnits) {
}
