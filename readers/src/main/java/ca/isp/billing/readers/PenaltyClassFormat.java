package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.domain.PenaltyMethod;

/**
 * The penalty-classes file (import penalty-classes): how late fees are computed per class.
 * penalised_kinds lists line types separated by '|' (RECURRING|USAGE), or CHARGES (recurring,
 * usage, one-time and credits) or ALL. Money columns left blank are 0.00; maximum_fee blank is
 * no cap. each_period: yes (one fee each month the invoice stays overdue) or no (once).
 */
public final class PenaltyClassFormat implements RowFormat<PenaltyClassRow> {

    public static final PenaltyClassFormat INSTANCE = new PenaltyClassFormat();

    /** More than this many grace days, or a fee above this, is a typing mistake, not a policy. */
    static final int MAX_GRACE_DAYS = 365;
    static final BigDecimal MAX_FEE = new BigDecimal("10000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("code", 20, "penalised_kinds", 80);

    private static final List<String> COLUMNS = List.of(
            "code", "method", "percent", "flat_fee", "minimum_fee", "maximum_fee", "grace_days", "minimum_overdue",
            "penalised_kinds", "each_period");

    private static final List<String> REQUIRED = List.of("code", "method", "grace_days", "penalised_kinds");

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
    public PenaltyClassRow parse(Row row) {
        String code = row.identifier("code", Identifier.CODE).toUpperCase(Locale.ROOT);
        PenaltyMethod method = row.oneOf("method", PenaltyMethod.class);
        BigDecimal percent = row.optionalDecimal("percent", 4);
        BigDecimal flat = fee(row, "flat_fee");
        BigDecimal minimum = fee(row, "minimum_fee");
        BigDecimal maximum = fee(row, "maximum_fee");
        row.required("grace_days");
        int grace = row.optionalIntBetween("grace_days", 0, MAX_GRACE_DAYS);
        BigDecimal minimumOverdue = row.optionalMoney("minimum_overdue");
        Set<LineType> kinds = kinds(row.required("penalised_kinds"));
        boolean eachPeriod = row.optional("each_period") != null
                && "yes".equals(row.oneOf("each_period", "yes", "no"));
        if (method != PenaltyMethod.FLAT && (percent == null || percent.signum() <= 0)) {
            throw new FieldException("percent", "required (above 0) for method " + method);
        }
        if (method != PenaltyMethod.PERCENT && flat == null) {
            throw new FieldException("flat_fee", "required for method " + method);
        }
        if (percent != null && (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0)) {
            throw new FieldException("percent", "not a percentage from 0 to 100 (1.5 for 1.5%): " + Row.quote(percent));
        }
        if (minimumOverdue != null && minimumOverdue.signum() < 0) {
            throw new FieldException("minimum_overdue", "must not be negative: " + Row.quote(minimumOverdue));
        }
        if (minimum != null && maximum != null && maximum.compareTo(minimum) < 0) {
            throw new FieldException("maximum_fee", "below minimum_fee " + minimum + ": " + Row.quote(maximum));
        }
        return new PenaltyClassRow(new PenaltyClass(code, method, percent, flat, minimum, maximum, grace,
                minimumOverdue, kinds, eachPeriod));
    }

    private static BigDecimal fee(Row row, String column) {
        BigDecimal fee = row.optionalMoney(column);
        if (fee != null && (fee.signum() < 0 || fee.compareTo(MAX_FEE) > 0)) {
            throw new FieldException(column, "not a fee from 0.00 to " + MAX_FEE + ": " + Row.quote(fee));
        }
        return fee;
    }

    private static Set<LineType> kinds(String text) {
        String all = text.trim().toUpperCase(Locale.ROOT);
        if (all.equals("ALL")) {
            return EnumSet.allOf(LineType.class);
        }
        if (all.equals("CHARGES")) {
            return PenaltyClass.CHARGES;
        }
        Set<LineType> kinds = EnumSet.noneOf(LineType.class);
        for (String kind : all.split("\\|")) {
            try {
                kinds.add(LineType.valueOf(kind.trim()));
            } catch (IllegalArgumentException e) {
                throw new FieldException("penalised_kinds", "not one of ALL, CHARGES or line types "
                        + EnumSet.allOf(LineType.class) + " separated by |: " + Row.quote(kind.trim()));
            }
        }
        return kinds;
    }
}
