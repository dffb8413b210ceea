package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.PostalArea;
import ca.isp.billing.readers.TaxJurisdictionFormat;
import ca.isp.billing.readers.TaxJurisdictionRow;

/** Postal code ranges and address overrides by country, postal_from and street ('' for a range). */
final class TaxJurisdictionUpsert extends Upsert<TaxJurisdictionRow> {

    private static final String INSERT = """
            INSERT INTO tax_postal_area (country, postal_from, street, postal_to, region, county, city, district)
            VALUES (:country, :postal_from, :street, :postal_to, :region, :county, :city, :district)""";

    private static final String UPDATE = """
            UPDATE tax_postal_area SET postal_to = :postal_to, region = :region, county = :county, city = :city,
                district = :district
            WHERE country = :country AND postal_from = :postal_from AND street = :street""";

    TaxJurisdictionUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, TaxJurisdictionFormat.INSTANCE, "postal_from", INSERT, UPDATE);
    }

    @Override
    String key(TaxJurisdictionRow row) {
        return row.country() + "/" + row.postalFrom() + "/" + street(row);
    }

    /** Streets are stored as the resolver compares them: upper case, no punctuation. */
    private static String street(TaxJurisdictionRow row) {
        return row.street() == null ? "" : PostalArea.normalizeStreet(row.street());
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<TaxJurisdictionRow> rows) {
        List<Object[]> keys = rows.stream().map(r -> new Object[]{r.country(), r.postalFrom(), street(r)}).toList();
        return storedValues("""
                SELECT country, postal_from, street, postal_to, region, county, city, district
                FROM tax_postal_area WHERE (country, postal_from, street) IN (:keys)""",
                keys, values -> values.get("country") + "/" + values.get("postal_from") + "/" + values.get("street"));
    }

    @Override
    MapSqlParameterSource params(TaxJurisdictionRow r) {
        return new MapSqlParameterSource()
                .addValue("country", r.country()).addValue("postal_from", r.postalFrom()).addValue("street", street(r))
                .addValue("postal_to", r.postalTo()).addValue("region", r.region()).addValue("county", r.county())
                .addValue("city", r.city()).addValue("district", r.district());
    }
}
