package ca.isp.billing.jobs.rate;

/**
 * A usage record waiting to be rated, with the subscription its service id (or, for a session,
 * its framed IP address) belongs to (null: none).
 */
public record UsageToRate(long id, String serviceId, String usageType, long quantity, String framedIp,
                          Long subscriptionId, Long accountId) {
}
