package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.TaxClass;

/** The plans file (import plans). */
public final class PlanFormat implements RowFormat<PlanRow> {

    public static final PlanFormat INSTANCE = new PlanFormat();

    /** A per-minute price may be finer than a cent (0.0125); the call's total is rounded. */
    static final int PER_MINUTE_DECIMALS = 4;
    /** included_gb is DECIMAL(12,3): a thousandth of a GB at most, never rounded by the database. */
    static final int INCLUDED_GB_DECIMALS = 3;

    // Plausible ceilings: far above what an ISP charges, and a term or a month's overage still
    // fits an invoice (DECIMAL(12,2)). A value above one is a mistake in the file.
    /** 100,000.00 a month: a dedicated enterprise circuit, not a typo with extra digits. */
    static final BigDecimal MAX_MONTHLY_PRICE = new BigDecimal("100000.00");
    /** A term of 3 years, billed in advance as one line. */
    static final int MAX_PERIOD_MONTHS = 36;
    /** 1,000,000 GB (1 PB) included a month. */
    static final BigDecimal MAX_INCLUDED_GB = new BigDecimal("1000000");
    /** 1,000.00 per GB over the allowance. */
    static final BigDecimal MAX_OVERAGE_PER_GB = new BigDecimal("1000.00");
    /** 100.00 per minute of call. */
    static final BigDecimal MAX_PER_MINUTE = new BigDecimal("100.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "plan_code", 30, "name_en", 100, "name_fr", 100);

    private static final List<String> COLUMNS = List.of(
            "plan_code", "name_en", "name_fr", "kind", "monthly_price", "period_months", "included_gb",
            "overage_per_gb", "per_minute", "tax_class");

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
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public PlanRow parse(Row row) {
        String planCode = row.identifier("plan_code", Identifier.CODE);
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        String kind = row.oneOf("kind", "INTERNET", "VOIP");
        BigDecimal monthlyPrice = row.atMost("monthly_price",
                notNegative(row, "monthly_price", row.money("monthly_price")), MAX_MONTHLY_PRICE);
        int periodMonths = row.positiveInt("period_months");
        if (periodMonths > MAX_PERIOD_MONTHS) {
            throw new FieldException("period_months",
                    "above the plausible maximum " + MAX_PERIOD_MONTHS + ": " + Row.quote(row.required("period_months")));
        }
        BigDecimal includedGb = row.atMost("included_gb", notNegative(row, "included_gb",
                row.optionalDecimal("included_gb", INCLUDED_GB_DECIMALS)), MAX_INCLUDED_GB);
        BigDecimal overagePerGb = row.atMost("overage_per_gb",
                notNegative(row, "overage_per_gb", row.optionalMoney("overage_per_gb")), MAX_OVERAGE_PER_GB);
        if (includedGb != null && overagePerGb == null) {
            throw new FieldException("overage_per_gb", "required when included_gb is set");
        }
        BigDecimal perMinute = row.atMost("per_minute", notNegative(row, "per_minute",
                row.optionalDecimal("per_minute", PER_MINUTE_DECIMALS)), MAX_PER_MINUTE);
        // optional: blank is the kind's class (INTERNET_ACCESS or VOIP)
        String taxClass = row.optional("tax_class") == null ? null : row.oneOf("tax_class", TaxClass.class).name();
        return new PlanRow(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths,
                includedGb, overagePerGb, perMinute, taxClass);
    }

    private static BigDecimal notNegative(Row row, String column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new FieldException(column, "must not be negative: " + Row.quote(row.optional(column)));
        }
        return value;
    }
}
