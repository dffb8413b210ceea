package ca.isp.billing.jobs.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DatedTaxRate;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRateRow;

/**
 * Tax rates by country, region, jurisdiction ('' the region itself), tax code and effective_from
 * (1970-01-01 when the file gives none: in force since always, as rates of the first format).
 */
final class TaxRateUpsert extends Upsert<TaxRateRow> {

    private static final String INSERT = """
            INSERT INTO tax_rate (country, region, jurisdiction, tax_code, effective_from, effective_to, name_en,
                name_fr, rate, registration, gl_account)
            VALUES (:country, :region, :jurisdiction, :tax_code, :effective_from, :effective_to, :name_en,
                :name_fr, :rate, :registration, :gl_account)""";

    private static final String UPDATE = """
            UPDATE tax_rate SET name_en = :name_en, name_fr = :name_fr, rate = :rate, registration = :registration,
                effective_to = :effective_to, gl_account = :gl_account
            WHERE country = :country AND region = :region AND jurisdiction = :jurisdiction AND tax_code = :tax_code
                AND effective_from = :effective_from""";

    /** The periods of the batch's taxes, stored and accepted so far, by key. */
    private Map<String, LocalDate[]> periods = new HashMap<>();

    TaxRateUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, TaxRateFormat.INSTANCE, "tax_code", INSERT, UPDATE);
    }

    @Override
    String key(TaxRateRow t) {
        return taxKey(t.country(), t.region(), t.jurisdiction(), t.taxCode(), from(t));
    }

    private static LocalDate from(TaxRateRow t) {
        return t.effectiveFrom() == null ? DatedTaxRate.ALWAYS : t.effectiveFrom();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<TaxRateRow> rows) {
        List<Object[]> keys = rows.stream().map(t -> new Object[]{t.country(), t.region(), t.taxCode()}).distinct().toList();
        Map<String, Map<String, Object>> stored = storedValues("""
                SELECT country, region, jurisdiction, tax_code, effective_from, effective_to, name_en, name_fr, rate,
                    registration, gl_account
                FROM tax_rate WHERE (country, region, tax_code) IN (:keys)""",
                keys, values -> taxKey(values.get("country"), values.get("region"), values.get("jurisdiction"),
                        values.get("tax_code"), date(values.get("effective_from"))));
        periods = new HashMap<>();
        stored.forEach((key, values) -> periods.put(key, new LocalDate[]{date(values.get("effective_from")),
                date(values.get("effective_to"))}));
        return stored;
    }

    /**
     * Refuses a period that overlaps another period of the same tax (stored, or earlier in the
     * file): two rates of one tax on one date would be a guess. Shortening a stored period and
     * adding the next one in the same file works, in that order (15% to 2025-03-31, then 14%).
     */
    @Override
    Refusal clash(TaxRateRow t) {
        String own = key(t);
        String tax = taxKey(t.country(), t.region(), t.jurisdiction(), t.taxCode(), "");
        LocalDate from = from(t);
        LocalDate to = t.effectiveTo();
        for (Map.Entry<String, LocalDate[]> other : periods.entrySet()) {
            if (other.getKey().equals(own) || !other.getKey().startsWith(tax)) {
                continue;
            }
            LocalDate otherFrom = other.getValue()[0];
            LocalDate otherTo = other.getValue()[1];
            if ((otherTo == null || !from.isAfter(otherTo)) && (to == null || !otherFrom.isAfter(to))) {
                return new Refusal("effective_from", "the period " + from + " to " + (to == null ? "(open)" : to)
                        + " overlaps the rate of " + t.taxCode() + " from " + otherFrom + " to "
                        + (otherTo == null ? "(open)" : otherTo) + "; end that one first (effective_to)");
            }
        }
        periods.put(own, new LocalDate[]{from, to});
        return null;
    }

    @Override
    MapSqlParameterSource params(TaxRateRow t) {
        return new MapSqlParameterSource()
                .addValue("country", t.country()).addValue("region", t.region()).addValue("tax_code", t.taxCode())
                .addValue("name_en", t.nameEn()).addValue("name_fr", t.nameFr()).addValue("rate", t.rate())
                .addValue("registration", t.registration()).addValue("jurisdiction", t.jurisdiction())
                .addValue("effective_from", from(t)).addValue("effective_to", t.effectiveTo())
                .addValue("gl_account", t.glAccount());
    }

    /** A rate's natural key as one string, e.g. CA/NS//HST/2025-04-01 or US/NY/NYC/NYC/1970-01-01. */
    private static String taxKey(Object country, Object region, Object jurisdiction, Object taxCode, Object from) {
        return country + "/" + region + "/" + jurisdiction + "/" + taxCode + "/" + from;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
