package ca.isp.billing.readers;

import java.time.LocalDate;

/** One line of the subscriptions file; endDate is the last day of service (inclusive) or null. */
public record SubscriptionRow(String subscriptionId, String accountNumber, String planCode, String serviceId,
                              LocalDate startDate, LocalDate endDate) {
}
