package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.isp.billing.domain.ConsumptionComponent;
import ca.isp.billing.domain.DataMetering;
import ca.isp.billing.domain.GbBand;

/**
 * The data-components file (import data-components, docs/FILE-FORMATS.md): how a plan prices data,
 * one line per band of each consumption component. A component's GB below its first band are
 * included; each band's GB cost its price_per_gb (one band: included GB + overage; several: stepped
 * ranges). metering: period (the usage period's GB) or day (each day's GB on its own). minimum and
 * cap are in dollars, optional, repeated on every band line of the component.
 */
public final class DataComponentFormat implements RowFormat<DataComponentRow> {

    public static final DataComponentFormat INSTANCE = new DataComponentFormat();

    /** The plan file's ceilings: a price or a GB count above these is a typing mistake. */
    static final BigDecimal MAX_FROM_GB = PlanFormat.MAX_INCLUDED_GB;
    static final BigDecimal MAX_PRICE_PER_GB = PlanFormat.MAX_OVERAGE_PER_GB;
    static final BigDecimal MAX_AMOUNT = PlanFormat.MAX_MONTHLY_PRICE;

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "plan_code", 30, "component", ConsumptionComponent.MAX_CODE, "name_en", 60, "name_fr", 60);

    private static final List<String> COLUMNS = List.of(
            "plan_code", "component", "name_en", "name_fr", "metering", "from_gb", "price_per_gb", "minimum", "cap");

    private static final List<String> REQUIRED = List.of(
            "plan_code", "component", "name_en", "name_fr", "metering", "from_gb", "price_per_gb");

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
    public DataComponentRow parse(Row row) {
        String plan = row.identifier("plan_code", Identifier.CODE);
        String component = row.identifier("component", Identifier.CODE).toUpperCase(Locale.ROOT);
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        DataMetering metering = "day".equals(row.oneOf("metering", "period", "day"))
                ? DataMetering.PER_DAY : DataMetering.PER_PERIOD;
        BigDecimal fromGb = row.atMost("from_gb", notNegative(row, "from_gb",
                row.decimal("from_gb", PlanFormat.INCLUDED_GB_DECIMALS)), MAX_FROM_GB);
        BigDecimal price = row.atMost("price_per_gb", notNegative(row, "price_per_gb", row.decimal("price_per_gb", 4)),
                MAX_PRICE_PER_GB);
        BigDecimal minimum = row.atMost("minimum", notNegative(row, "minimum", row.optionalMoney("minimum")), MAX_AMOUNT);
        BigDecimal cap = row.atMost("cap", notNegative(row, "cap", row.optionalMoney("cap")), MAX_AMOUNT);
        if (minimum != null && cap != null && cap.compareTo(minimum) < 0) {
            throw new FieldException("cap", "below the minimum " + minimum.toPlainString() + ": " + Row.quote(row.optional("cap")));
        }
        return new DataComponentRow(plan, component, nameEn, nameFr, metering, new GbBand(fromGb, price), minimum, cap);
    }

    private static BigDecimal notNegative(Row row, String column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new FieldException(column, "must not be negative: " + Row.quote(row.optional(column)));
        }
        return value;
    }
}
