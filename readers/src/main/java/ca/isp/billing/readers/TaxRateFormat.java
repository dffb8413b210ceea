package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tax-rates file (import tax-rates): one tax of one jurisdiction for a period. The columns
 * jurisdiction (blank: the province or state itself), effective_from (blank: always) and
 * effective_to (blank: still in force; inclusive) are optional, so a file of the first format
 * still imports as rates in force since always. gl_account (optional, blank: the company's
 * tax-payable account) is where the accounting export credits the tax.
 */
public final class TaxRateFormat implements RowFormat<TaxRateRow> {

    public static final TaxRateFormat INSTANCE = new TaxRateFormat();

    static final int RATE_DECIMALS = 6;

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "region", 10, "tax_code", 10, "name_en", 60, "name_fr", 60, "registration", 40, "jurisdiction", 20,
            "gl_account", 20);

    private static final List<String> COLUMNS = List.of(
            "country", "region", "tax_code", "name_en", "name_fr", "rate", "registration", "jurisdiction",
            "effective_from", "effective_to", "gl_account");

    private static final List<String> REQUIRED = List.of(
            "country", "region", "tax_code", "name_en", "name_fr", "rate");

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
    public TaxRateRow parse(Row row) {
        String country = row.countryCode("country");
        String region = AccountFormat.region(row, "region");
        String taxCode = row.required("tax_code");
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        BigDecimal rate = row.decimal("rate", RATE_DECIMALS);
        // a fraction: 9.975% is written 0.09975, so 9.975 or 1 is a mistake, not a 100%+ tax
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new FieldException("rate",
                    "not a fraction from 0 to below 1 (0.05 for 5%): " + Row.quote(row.required("rate")));
        }
        String jurisdiction = row.optional("jurisdiction") == null ? "" : row.identifier("jurisdiction", Identifier.CODE)
                .toUpperCase(Locale.ROOT);
        LocalDate from = row.optionalDate("effective_from");
        LocalDate to = row.optionalDate("effective_to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new FieldException("effective_to", "before effective_from " + from + ": " + Row.quote(to));
        }
        return new TaxRateRow(country, region, taxCode, nameEn, nameFr, rate, row.optional("registration"),
                jurisdiction, from, to, PlanFormat.glAccount(row));
    }
}
