package ca.isp.billing.jobs.rate;

/** A usage record waiting to be rated, with the subscription its service id belongs to (null: none). */
public record UsageToRate(long id, String serviceId, String usageType, long quantity,
                          Long subscriptionId, Long accountId) {
}
