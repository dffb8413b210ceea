package ca.isp.billing.readers;

import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.SubscriptionHistory.PlanChange;
import ca.isp.billing.domain.SubscriptionHistory.QuantityChange;
import ca.isp.billing.domain.SubscriptionHistory.Suspension;

/**
 * One line of the subscriptions file: a subscription as it is now. endDate is the last day of
 * service (inclusive) or null; planCode and quantity are those from startDate; the changes are
 * the later ones, each from its date (a suspension until its day of reactivation, or null).
 */
public record SubscriptionRow(String subscriptionId, String accountNumber, String planCode, String serviceId,
                              LocalDate startDate, LocalDate endDate, int quantity, List<PlanChange> planChanges,
                              List<QuantityChange> quantityChanges, List<Suspension> suspensions) {

    public SubscriptionRow {
        planChanges = List.copyOf(planChanges);
        quantityChanges = List.copyOf(quantityChanges);
        suspensions = List.copyOf(suspensions);
    }

    /** A subscription on one plan, quantity 1, never suspended. */
    public SubscriptionRow(String subscriptionId, String accountNumber, String planCode, String serviceId,
                           LocalDate startDate, LocalDate endDate) {
        this(subscriptionId, accountNumber, planCode, serviceId, startDate, endDate, 1, List.of(), List.of(),
                List.of());
    }
}
