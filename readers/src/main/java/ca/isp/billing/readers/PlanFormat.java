package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.util.List;

/** The plans file (import plans). */
public final class PlanFormat implements RowFormat<PlanRow> {

    public static final PlanFormat INSTANCE = new PlanFormat();

    /** A per-minute price may be finer than a cent (0.0125); the call's total is rounded. */
    static final int PER_MINUTE_DECIMALS = 4;

    private static final List<String> COLUMNS = List.of(
            "plan_code", "name_en", "name_fr", "kind", "monthly_price", "period_months", "included_gb",
            "overage_per_gb", "per_minute");

    private static final List<String> REQUIRED = List.of(
            "plan_code", "name_en", "name_fr", "kind", "monthly_price", "period_months");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public PlanRow parse(Row row) {
        String planCode = row.required("plan_code");
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        String kind = row.oneOf("kind", "INTERNET", "VOIP");
        BigDecimal monthlyPrice = notNegative(row, "monthly_price", row.money("monthly_price"));
        int periodMonths = row.positiveInt("period_months");
        BigDecimal includedGb = notNegative(row, "included_gb", row.optionalDecimal("included_gb"));
        BigDecimal overagePerGb = notNegative(row, "overage_per_gb", row.optionalMoney("overage_per_gb"));
        if (includedGb != null && overagePerGb == null) {
            throw new FieldException("overage_per_gb", "required when included_gb is set");
        }
        BigDecimal perMinute = notNegative(row, "per_minute", row.optionalDecimal("per_minute", PER_MINUTE_DECIMALS));
        return new PlanRow(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths,
                includedGb, overagePerGb, perMinute);
    }

    private static BigDecimal notNegative(Row row, String column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new FieldException(column, "must not be negative: " + Row.quote(row.optional(column)));
        }
        return value;
    }
}
