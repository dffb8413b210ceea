package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.DateWindow;

/**
 * Contract prices (import subscription-prices): the price of a whole term of the plan for one
 * subscription, replacing the plan's price for the terms of that plan whose first day of service
 * is on or after price_from. Same ceiling as a plan's price.
 */
public final class SubscriptionPriceFormat implements RowFormat<SubscriptionPriceRow> {

    public static final SubscriptionPriceFormat INSTANCE = new SubscriptionPriceFormat(DateWindow.ANY);

    static final BigDecimal MAX_PRICE = new BigDecimal("100000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("subscription_id", 40, "plan_code", 30);
    private static final List<String> COLUMNS = List.of("subscription_id", "plan_code", "price_from", "term_price");

    private final DateWindow dates;

    private SubscriptionPriceFormat(DateWindow dates) {
        this.dates = dates;
    }

    public static SubscriptionPriceFormat within(DateWindow dates) {
        return new SubscriptionPriceFormat(dates);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public SubscriptionPriceRow parse(Row row) {
        String subscription = row.identifier("subscription_id", Identifier.CODE);
        String plan = row.identifier("plan_code", Identifier.CODE);
        var from = row.within("price_from", row.date("price_from"), dates);
        BigDecimal price = row.money("term_price");
        if (price.signum() < 0) {
            throw new FieldException("term_price", "must not be negative: " + Row.quote(row.required("term_price")));
        }
        row.atMost("term_price", price, MAX_PRICE);
        return new SubscriptionPriceRow(subscription, plan, from, price);
    }
}
