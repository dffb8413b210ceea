package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.SubscriptionHistory;
import ca.isp.billing.domain.SubscriptionHistory.PlanChange;
import ca.isp.billing.domain.SubscriptionHistory.QuantityChange;
import ca.isp.billing.domain.SubscriptionHistory.Suspension;

/**
 * The subscriptions file (import subscriptions): each subscription as it is now, one line each.
 * Optional columns give its history: quantity (from start_date, default 1); plan_changes
 * ("2026-03-21:FIBRE-300;..."), quantity_changes ("2026-03-10:3;...") and suspensions
 * ("2026-05-01..2026-09-01;2026-12-01.." to the day of reactivation, or open), each from its date.
 */
public final class SubscriptionFormat implements RowFormat<SubscriptionRow> {

    /** Any dates: for the header, and tests of other things; the import reads {@link #within}. */
    public static final SubscriptionFormat INSTANCE = new SubscriptionFormat(DateWindow.ANY);

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "subscription_id", 40, "account_number", 20, "plan_code", 30, "service_id", 100);

    /** A plausible ceiling of units on one subscription (lines, addresses, seats). */
    static final int MAX_QUANTITY = 10000;

    private static final List<String> COLUMNS = List.of(
            "subscription_id", "account_number", "plan_code", "service_id", "start_date", "end_date",
            "quantity", "plan_changes", "quantity_changes", "suspensions");

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
        Integer quantity = row.optionalIntBetween("quantity", 1, MAX_QUANTITY);
        List<PlanChange> planChanges = new ArrayList<>();
        for (String[] change : entries(row, "plan_changes", ":")) {
            String code = change[1];
            String refusal = Identifier.CODE.refusal(code);
            if (refusal != null) {
                throw new FieldException("plan_changes", refusal + ": " + Row.quote(code));
            }
            planChanges.add(new PlanChange(changeDate(row, "plan_changes", change[0], startDate), code));
        }
        List<QuantityChange> quantityChanges = new ArrayList<>();
        for (String[] change : entries(row, "quantity_changes", ":")) {
            quantityChanges.add(new QuantityChange(changeDate(row, "quantity_changes", change[0], startDate),
                    quantity(change[1])));
        }
        List<Suspension> suspensions = new ArrayList<>();
        for (String[] suspension : entries(row, "suspensions", "..")) {
            LocalDate from = changeDate(row, "suspensions", suspension[0], startDate);
            LocalDate until = suspension[1].isEmpty() ? null : changeDate(row, "suspensions", suspension[1], startDate);
            if (until != null && !until.isAfter(from)) {
                throw new FieldException("suspensions", "reactivated on " + until + ", not after the suspension from "
                        + from);
            }
            suspensions.add(new Suspension(from, until));
        }
        SubscriptionRow parsed = new SubscriptionRow(subscriptionId, accountNumber, planCode, serviceId, startDate,
                endDate, quantity == null ? 1 : quantity, planChanges, quantityChanges, suspensions);
        try {
            // the history's own rules: no two changes of a kind on one day, no overlapping suspensions
            history(parsed);
        } catch (IllegalArgumentException e) {
            throw new FieldException(column(e.getMessage()), e.getMessage());
        }
        return parsed;
    }

    /** The row as the history RecurringCharger bills. */
    public static SubscriptionHistory history(SubscriptionRow row) {
        List<PlanChange> plans = new ArrayList<>(List.of(new PlanChange(row.startDate(), row.planCode())));
        plans.addAll(row.planChanges());
        List<QuantityChange> quantities = new ArrayList<>(List.of(new QuantityChange(row.startDate(), row.quantity())));
        quantities.addAll(row.quantityChanges());
        return new SubscriptionHistory(row.subscriptionId(), row.startDate(),
                row.endDate() == null ? null : row.endDate().plusDays(1), plans, quantities, row.suspensions());
    }

    private static String column(String message) {
        return message.contains("suspen") ? "suspensions" : message.contains("quantity") ? "quantity_changes"
                : "plan_changes";
    }

    /** The entries of a list column, "a:b;c:d", each split once on the separator. */
    private static List<String[]> entries(Row row, String column, String separator) {
        String text = row.optional(column);
        List<String[]> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String entry : text.split(";", -1)) {
            String trimmed = entry.trim();
            int at = trimmed.indexOf(separator);
            if (at <= 0) {
                throw new FieldException(column, "expected DATE" + separator + "VALUE entries separated by ';': "
                        + Row.quote(trimmed));
            }
            entries.add(new String[] {trimmed.substring(0, at).trim(), trimmed.substring(at + separator.length()).trim()});
        }
        return entries;
    }

    /** A date of a change: within the window, after the start (the start sets the first plan and quantity). */
    private LocalDate changeDate(Row row, String column, String text, LocalDate startDate) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "not a date (YYYY-MM-DD): " + Row.quote(text));
        }
        if (!dates.contains(date)) {
            throw new FieldException(column, "outside the plausible window " + dates + ": " + Row.quote(text));
        }
        if (!date.isAfter(startDate)) {
            throw new FieldException(column, "on or before start_date " + startDate + ": " + Row.quote(text));
        }
        return date;
    }

    private static int quantity(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_QUANTITY) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FieldException("quantity_changes", "a quantity is a whole number from 1 to " + MAX_QUANTITY + ": "
                + Row.quote(text));
    }
}
