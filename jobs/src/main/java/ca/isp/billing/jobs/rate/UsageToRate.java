package ca.isp.billing.jobs.rate;

import java.time.LocalDateTime;

/**
 * A usage record waiting to be rated, with the subscription its service id (or, for a session,
 * its framed IP address) belongs to and that subscription's plan (null: none); for a call, the
 * number dialed and how it ended.
 */
public record UsageToRate(long id, String recordId, String serviceId, String usageType, LocalDateTime start,
                          long quantity, String framedIp, String destination, String disposition,
                          Long subscriptionId, Long accountId, String planCode) {

    UsageToRate matched(long subscription, long account, String plan) {
        return new UsageToRate(id, recordId, serviceId, usageType, start, quantity, framedIp, destination, disposition,
                subscription, account, plan);
    }
}
