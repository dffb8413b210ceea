package ca.isp.billing.readers;

import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.TaxClass;

/**
 * The tax-rules file (import tax-rules): whether one tax of a province or state applies to one
 * tax class (taxable Y or N). Without a rule a tax applies, except to LATE_FEE and, in the US,
 * to INTERNET_ACCESS (domain.Taxability).
 */
public final class TaxRuleFormat implements RowFormat<TaxRuleRow> {

    public static final TaxRuleFormat INSTANCE = new TaxRuleFormat();

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("region", 10, "tax_code", 10);

    private static final List<String> COLUMNS = List.of("country", "region", "tax_code", "tax_class", "taxable");

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
    public TaxRuleRow parse(Row row) {
        return new TaxRuleRow(row.countryCode("country"), AccountFormat.region(row, "region"),
                row.required("tax_code"), row.oneOf("tax_class", TaxClass.class).name(),
                "Y".equals(row.oneOf("taxable", "Y", "N")));
    }
}
