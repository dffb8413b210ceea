package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.PlanTerm;

import ca.isp.billing.domain.TaxClass;

/** The plans file (import plans). */
public final class PlanFormat implements RowFormat<PlanRow> {

    /** Any dates: for the header, and tests of other things; the import reads {@link #within}. */
    public static final PlanFormat INSTANCE = new PlanFormat(DateWindow.ANY);

    /** A per-minute price may be finer than a cent (0.0125); the call's total is rounded. */
    static final int PER_MINUTE_DECIMALS = 4;
    /** included_gb is DECIMAL(12,3): a thousandth of a GB at most, never rounded by the database. */
    static final int INCLUDED_GB_DECIMALS = 3;

    // Plausible ceilings: far above what an ISP charges, and a term or a month's overage still
    // fits an invoice (DECIMAL(12,2)). A value above one is a mistake in the file.
    /** 100,000.00 a month: a dedicated enterprise circuit, not a typo with extra digits. */
    static final BigDecimal MAX_MONTHLY_PRICE = new BigDecimal("100000.00");
    /** The price of a whole term: 12 months at the monthly ceiling. */
    static final BigDecimal MAX_TERM_PRICE = new BigDecimal("1200000.00");
    /** The term lengths a plan may have (a term is billed in advance, prorated by days). */
    static final Set<Integer> TERM_MONTHS = PlanTerm.TERM_MONTHS;
    /** 1,000,000 GB (1 PB) included a month. */
    static final BigDecimal MAX_INCLUDED_GB = new BigDecimal("1000000");
    /** 1,000.00 per GB over the allowance. */
    static final BigDecimal MAX_OVERAGE_PER_GB = new BigDecimal("1000.00");
    /** 100.00 per minute of call. */
    static final BigDecimal MAX_PER_MINUTE = new BigDecimal("100.00");
    /** 44,640 minutes: every minute of a 31-day month; more cannot be used in a period. */
    static final int MAX_INCLUDED_MINUTES = 31 * 24 * 60;

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "plan_code", 30, "name_en", 100, "name_fr", 100, "gl_account", 20);

    private static final List<String> COLUMNS = List.of(
            "plan_code", "name_en", "name_fr", "kind", "monthly_price", "period_months", "included_gb",
            "overage_per_gb", "per_minute", "term_price", "bills_while_suspended", "tax_class", "gl_account",
            "included_minutes", "price_from");

    // monthly_price may be left out when term_price is given
    private static final List<String> REQUIRED = List.of(
            "plan_code", "name_en", "name_fr", "kind", "period_months");

    private final DateWindow dates;

    private PlanFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses a price_from outside the window. */
    public static PlanFormat within(DateWindow dates) {
        return new PlanFormat(dates);
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
    public PlanRow parse(Row row) {
        String planCode = row.identifier("plan_code", Identifier.CODE);
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        String kind = row.oneOf("kind", "INTERNET", "VOIP");
        int periodMonths = row.positiveInt("period_months");
        if (!TERM_MONTHS.contains(periodMonths)) {
            throw new FieldException("period_months",
                    "a term is 1, 2, 3, 6 or 12 months: " + Row.quote(row.required("period_months")));
        }
        // The price of the whole term (an annual plan at 2,399.95), or else monthly_price x months.
        BigDecimal termPrice = row.atMost("term_price",
                notNegative(row, "term_price", row.optionalMoney("term_price")), MAX_TERM_PRICE);
        BigDecimal monthlyPrice = termPrice != null && row.optional("monthly_price") == null
                ? termPrice.divide(BigDecimal.valueOf(periodMonths), 2, RoundingMode.HALF_UP)
                : row.atMost("monthly_price", notNegative(row, "monthly_price", row.money("monthly_price")),
                        MAX_MONTHLY_PRICE);
        if (termPrice == null) {
            termPrice = monthlyPrice.multiply(BigDecimal.valueOf(periodMonths));
        }
        String suspended = row.optional("bills_while_suspended");
        boolean billsWhileSuspended = suspended != null && row.oneOf("bills_while_suspended", "YES", "NO").equals("YES");
        BigDecimal includedGb = row.atMost("included_gb", notNegative(row, "included_gb",
                row.optionalDecimal("included_gb", INCLUDED_GB_DECIMALS)), MAX_INCLUDED_GB);
        BigDecimal overagePerGb = row.atMost("overage_per_gb",
                notNegative(row, "overage_per_gb", row.optionalMoney("overage_per_gb")), MAX_OVERAGE_PER_GB);
        if (includedGb != null && overagePerGb == null) {
            throw new FieldException("overage_per_gb", "required when included_gb is set");
        }
        BigDecimal perMinute = row.atMost("per_minute", notNegative(row, "per_minute",
                row.optionalDecimal("per_minute", PER_MINUTE_DECIMALS)), MAX_PER_MINUTE);
        // optional: the minutes included each usage period for calls rated with the plan's rate table
        Integer includedMinutes = row.optionalIntBetween("included_minutes", 0, MAX_INCLUDED_MINUTES);
        // optional: the first day of the terms a new price applies to (empty: terms from the import's day)
        LocalDate priceFrom = row.within("price_from", row.optionalDate("price_from"), dates);
        // optional: blank is the kind's class (INTERNET_ACCESS or VOIP)
        String taxClass = row.optional("tax_class") == null ? null : row.oneOf("tax_class", TaxClass.class).name();
        // optional: blank is the company's revenue account (billing.gl.revenue)
        String glAccount = glAccount(row);
        return new PlanRow(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths,
                includedGb, overagePerGb, perMinute, termPrice, billsWhileSuspended, taxClass, glAccount,
                includedMinutes, priceFrom);
    }

    /** A general-ledger account number or code (4010, REV-NET): an identifier, or null when blank. */
    static String glAccount(Row row) {
        return row.optional("gl_account") == null ? null : row.identifier("gl_account", Identifier.CODE);
    }

    private static BigDecimal notNegative(Row row, String column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new FieldException(column, "must not be negative: " + Row.quote(row.optional(column)));
        }
        return value;
    }
}
