package ca.isp.billing.demo;

import java.time.LocalDate;

/** A service of a demo customer: one row of subscriptions.csv; end is null while it goes on. */
record DemoSubscription(String id, DemoCustomer customer, DemoPlan plan, String serviceId, LocalDate start,
                        LocalDate end) {
}
