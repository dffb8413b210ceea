package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The subscriptions file (import subscriptions). */
public final class SubscriptionFormat implements RowFormat<SubscriptionRow> {

    /** Any dates: for the header, and tests of other things; the import reads {@link #within}. */
    public static final SubscriptionFormat INSTANCE = new SubscriptionFormat(DateWindow.ANY);

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "subscription_id", 40, "account_number", 20, "plan_code", 30, "service_id", 100);

    private static final List<String> COLUMNS = List.of(
            "subscription_id", "account_number", "plan_code", "service_id", "start_date", "end_date");

    private static final List<String> REQUIRED = List.of(
            "subscription_id", "account_number", "plan_code", "service_id", "start_date");

    private final DateWindow dates;

    private SubscriptionFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses a start or end date outside the window. */
    public static SubscriptionFormat within(DateWindow dates) {
        return new SubscriptionFormat(dates);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public SubscriptionRow parse(Row row) {
        String subscriptionId = row.identifier("subscription_id", Identifier.CODE);
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        String planCode = row.identifier("plan_code", Identifier.CODE);
        String serviceId = row.identifier("service_id", Identifier.SERVICE_ID);
        LocalDate startDate = row.within("start_date", row.date("start_date"), dates);
        LocalDate endDate = row.within("end_date", row.optionalDate("end_date"), dates);
        // end_date is inclusive, so a one-day service has end_date = start_date
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new FieldException("end_date", "before start_date " + startDate + ": " + Row.quote(endDate));
        }
        return new SubscriptionRow(subscriptionId, accountNumber, planCode, serviceId, startDate, endDate);
    }
}
