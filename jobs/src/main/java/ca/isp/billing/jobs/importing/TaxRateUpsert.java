package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRateRow;

/** Tax rates by country, region and tax code. */
final class TaxRateUpsert extends Upsert<TaxRateRow> {

    private static final String INSERT = """
            INSERT INTO tax_rate (country, region, tax_code, name_en, name_fr, rate, registration)
            VALUES (:country, :region, :tax_code, :name_en, :name_fr, :rate, :registration)""";

    private static final String UPDATE = """
            UPDATE tax_rate SET name_en = :name_en, name_fr = :name_fr, rate = :rate, registration = :registration
            WHERE country = :country AND region = :region AND tax_code = :tax_code""";

    TaxRateUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, TaxRateFormat.INSTANCE, "tax_code", INSERT, UPDATE);
    }

    @Override
    String key(TaxRateRow t) {
        return taxKey(t.country(), t.region(), t.taxCode());
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<TaxRateRow> rows) {
        List<Object[]> keys = rows.stream().map(t -> new Object[]{t.country(), t.region(), t.taxCode()}).toList();
        return storedValues("""
                SELECT country, region, tax_code, name_en, name_fr, rate, registration
                FROM tax_rate WHERE (country, region, tax_code) IN (:keys)""",
                keys, values -> taxKey(values.get("country"), values.get("region"), values.get("tax_code")));
    }

    @Override
    MapSqlParameterSource params(TaxRateRow t) {
        return new MapSqlParameterSource()
                .addValue("country", t.country()).addValue("region", t.region()).addValue("tax_code", t.taxCode())
                .addValue("name_en", t.nameEn()).addValue("name_fr", t.nameFr()).addValue("rate", t.rate())
                .addValue("registration", t.registration());
    }

    /** A tax's natural key as one string, e.g. CA/QC/QST. */
    private static String taxKey(Object country, Object region, Object taxCode) {
        return country + "/" + region + "/" + taxCode;
    }
}
