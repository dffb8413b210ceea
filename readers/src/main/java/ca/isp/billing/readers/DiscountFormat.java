package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.Discount;
import ca.isp.billing.domain.DiscountKind;

/**
 * Discounts (import discounts): PERCENT (value 0.01 to 100, the percentage) or FIXED (value: the
 * amount off each term of the plan, at most 10,000.00), on one subscription or, with
 * subscription_id empty, on every subscription of the account, from start_date to end_date
 * inclusive (empty: open-ended).
 */
public final class DiscountFormat implements RowFormat<DiscountRow> {

    /** Any date: for the header, and tests of other things; the import reads {@link #within}. */
    public static final DiscountFormat INSTANCE = new DiscountFormat(DateWindow.ANY);

    /** More off one term in a discount is a mistake in the file. */
    static final BigDecimal MAX_FIXED = new BigDecimal("10000.00");
    static final BigDecimal MAX_PERCENT = new BigDecimal("100");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "discount_ref", Discount.MAX_REF, "account_number", 20, "subscription_id", 40, "reason", 300);

    private static final List<String> COLUMNS = List.of(
            "discount_ref", "account_number", "subscription_id", "kind", "value", "start_date", "end_date", "reason");

    private static final List<String> REQUIRED = List.of(
            "discount_ref", "account_number", "kind", "value", "start_date");

    private final DateWindow dates;

    private DiscountFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses a discount starting or ending outside the window. */
    public static DiscountFormat within(DateWindow dates) {
        return new DiscountFormat(dates);
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
    public DiscountRow parse(Row row) {
        String ref = row.identifier("discount_ref", Identifier.CODE);
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        String subscription = row.optional("subscription_id");
        if (subscription != null) {
            subscription = row.identifier("subscription_id", Identifier.CODE);
        }
        DiscountKind kind = row.oneOf("kind", DiscountKind.class);
        BigDecimal value = row.money("value");
        if (value.signum() <= 0) {
            throw new FieldException("value", "must be more than 0: " + Row.quote(row.required("value")));
        }
        row.atMost("value", value, kind == DiscountKind.PERCENT ? MAX_PERCENT : MAX_FIXED);
        LocalDate start = row.within("start_date", row.date("start_date"), dates);
        LocalDate end = row.optionalDate("end_date");
        if (end != null) {
            row.within("end_date", end, dates);
            if (end.isBefore(start)) {
                throw new FieldException("end_date", "before start_date " + start + ": " + end);
            }
        }
        return new DiscountRow(ref, accountNumber, subscription, kind, value, start, end, row.optional("reason"));
    }
}
