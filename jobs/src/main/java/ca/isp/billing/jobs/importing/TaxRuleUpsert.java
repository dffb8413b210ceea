package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.TaxRuleFormat;
import ca.isp.billing.readers.TaxRuleRow;

/** Taxability rules by country, region, tax code and tax class. */
final class TaxRuleUpsert extends Upsert<TaxRuleRow> {

    private static final String INSERT = """
            INSERT INTO tax_rule (country, region, tax_code, tax_class, taxable)
            VALUES (:country, :region, :tax_code, :tax_class, :taxable)""";

    private static final String UPDATE = """
            UPDATE tax_rule SET taxable = :taxable
            WHERE country = :country AND region = :region AND tax_code = :tax_code AND tax_class = :tax_class""";

    TaxRuleUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, TaxRuleFormat.INSTANCE, "tax_class", INSERT, UPDATE);
    }

    @Override
    String key(TaxRuleRow r) {
        return r.country() + "/" + r.region() + "/" + r.taxCode() + "/" + r.taxClass();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<TaxRuleRow> rows) {
        List<Object[]> keys = rows.stream().map(r -> new Object[]{r.country(), r.region(), r.taxCode(), r.taxClass()})
                .toList();
        return storedValues("""
                SELECT country, region, tax_code, tax_class, taxable
                FROM tax_rule WHERE (country, region, tax_code, tax_class) IN (:keys)""",
                keys, v -> v.get("country") + "/" + v.get("region") + "/" + v.get("tax_code") + "/" + v.get("tax_class"));
    }

    @Override
    MapSqlParameterSource params(TaxRuleRow r) {
        return new MapSqlParameterSource()
                .addValue("country", r.country()).addValue("region", r.region()).addValue("tax_code", r.taxCode())
                .addValue("tax_class", r.taxClass()).addValue("taxable", r.taxable() ? "Y" : "N");
    }
}
