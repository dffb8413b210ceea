package ca.isp.billing.readers;

import java.time.LocalDate;
import java.util.List;

/** The subscriptions file (import subscriptions). */
public final class SubscriptionFormat implements RowFormat<SubscriptionRow> {

    public static final SubscriptionFormat INSTANCE = new SubscriptionFormat();

    private static final List<String> COLUMNS = List.of(
            "subscription_id", "account_number", "plan_code", "service_id", "start_date", "end_date");

    private static final List<String> REQUIRED = List.of(
            "subscription_id", "account_number", "plan_code", "service_id", "start_date");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public SubscriptionRow parse(Row row) {
        String subscriptionId = row.required("subscription_id");
        String accountNumber = row.required("account_number");
        String planCode = row.required("plan_code");
        String serviceId = row.required("service_id");
        LocalDate startDate = row.date("start_date");
        LocalDate endDate = row.optionalDate("end_date");
        // end_date is inclusive, so a one-day service has end_date = start_date
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new FieldException("end_date", "before start_date " + startDate + ": " + Row.quote(endDate));
        }
        return new SubscriptionRow(subscriptionId, accountNumber, planCode, serviceId, startDate, endDate);
    }
}
