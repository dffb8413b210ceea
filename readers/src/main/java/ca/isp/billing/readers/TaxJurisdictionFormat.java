package ca.isp.billing.readers;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.isp.billing.domain.PostalCodes;

/**
 * The tax-jurisdictions file (import tax-jurisdictions): which postal codes lie in which local
 * jurisdictions. A Canadian range is written with the first three characters of the postal
 * code (H2X to H2Z), a US range with five-digit ZIP codes (10001 to 10282); postal_to blank is
 * postal_from alone. A row with a street is an override for one address: postal_from is then
 * the whole postal code (H2X 1Y4, or the ZIP code) and postal_to is left blank.
 */
public final class TaxJurisdictionFormat implements RowFormat<TaxJurisdictionRow> {

    public static final TaxJurisdictionFormat INSTANCE = new TaxJurisdictionFormat();

    // postal_from and postal_to are bounded by their form (A1A, A1A1A1, 12345), not by a length
    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "region", 10, "street", 200, "county", 20, "city", 20, "district", 20);

    private static final List<String> COLUMNS = List.of(
            "country", "region", "postal_from", "postal_to", "street", "county", "city", "district");

    private static final List<String> REQUIRED = List.of("country", "region", "postal_from");

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
    public TaxJurisdictionRow parse(Row row) {
        String country = row.countryCode("country");
        if (!country.equals("CA") && !country.equals("US")) {
            throw new FieldException("country", "postal code tables exist for CA and US only: " + Row.quote(country));
        }
        String region = AccountFormat.region(row, "region");
        String street = row.optional("street");
        String from;
        String to;
        if (street != null) {
            from = PostalCodes.full(country, row.required("postal_from"));
            if (from == null) {
                throw new FieldException("postal_from", "not a whole postal code of " + country + ": "
                        + Row.quote(row.required("postal_from")));
            }
            if (row.optional("postal_to") != null) {
                throw new FieldException("postal_to", "must be blank on an override by street");
            }
            to = from;
        } else {
            from = area(row, country, "postal_from");
            to = row.optional("postal_to") == null ? from : area(row, country, "postal_to");
            if (to.compareTo(from) < 0) {
                throw new FieldException("postal_to", "before postal_from " + from + ": " + Row.quote(to));
            }
        }
        String county = code(row, "county");
        String city = code(row, "city");
        String district = code(row, "district");
        return new TaxJurisdictionRow(country, region, from, to, street, county, city, district);
    }

    private static String area(Row row, String country, String column) {
        String code = PostalCodes.normalize(row.required(column));
        if (!PostalCodes.isArea(country, code)) {
            throw new FieldException(column, ("CA".equals(country) ? "not the first three characters of a Canadian"
                    + " postal code (H2X)" : "US".equals(country) ? "not a five-digit ZIP code"
                    : "not a postal code") + ": " + Row.quote(row.required(column)));
        }
        return code;
    }

    private static String code(Row row, String column) {
        return row.optional(column) == null ? null : row.identifier(column, Identifier.CODE).toUpperCase(Locale.ROOT);
    }
}
