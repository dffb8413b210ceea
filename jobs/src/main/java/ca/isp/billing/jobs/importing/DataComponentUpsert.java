package ca.isp.billing.jobs.importing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.DataComponentFormat;
import ca.isp.billing.readers.DataComponentRow;

/**
 * Bands of the plans' data components by (plan_code, component, from_gb). A component's settings
 * (names, metering, minimum, cap) are those of its lines in the last file that named it: lines of
 * one component that disagree in a file are refused (the first one wins), and the settings
 * imported are written to the component's other bands too, so they never disagree when the charge
 * step reads them.
 */
final class DataComponentUpsert extends Upsert<DataComponentRow> {

    private static final String INSERT = """
            INSERT INTO data_band (plan_code, component, name_en, name_fr, metering, from_gb, price_per_gb,
                minimum_amount, cap_amount)
            VALUES (:plan_code, :component, :name_en, :name_fr, :metering, :from_gb, :price_per_gb, :minimum_amount,
                :cap_amount)""";
    private static final String UPDATE = """
            UPDATE data_band SET name_en = :name_en, name_fr = :name_fr, metering = :metering,
                price_per_gb = :price_per_gb, minimum_amount = :minimum_amount, cap_amount = :cap_amount
            WHERE plan_code = :plan_code AND component = :component AND from_gb = :from_gb""";
    private static final String SETTINGS = """
            UPDATE data_band SET name_en = :name_en, name_fr = :name_fr, metering = :metering,
                minimum_amount = :minimum_amount, cap_amount = :cap_amount
            WHERE plan_code = :plan_code AND component = :component""";

    private final Set<String> plans = new HashSet<>();
    /** The settings of each component as the file first gave them, and the batch's components to write them to. */
    private final Map<String, String> settingsInFile = new HashMap<>();
    private final Map<String, MapSqlParameterSource> componentsOfBatch = new HashMap<>();

    DataComponentUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, DataComponentFormat.INSTANCE, "from_gb", INSERT, UPDATE);
    }

    private static String component(DataComponentRow row) {
        return row.planCode() + "/" + row.component();
    }

    private static String gb(Object fromGb) {
        return new BigDecimal(fromGb.toString()).stripTrailingZeros().toPlainString();
    }

    @Override
    String key(DataComponentRow row) {
        return component(row) + "/" + gb(row.band().fromGb());
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<DataComponentRow> rows) {
        Set<String> planCodes = keys(rows, DataComponentRow::planCode);
        plans.clear();
        plans.addAll(jdbc.queryForList("SELECT code FROM plan WHERE code IN (:codes)",
                new MapSqlParameterSource("codes", planCodes), String.class));
        componentsOfBatch.clear();
        return storedValues("""
                SELECT plan_code, component, name_en, name_fr, metering, from_gb, price_per_gb, minimum_amount, cap_amount
                FROM data_band WHERE plan_code IN (:keys)""", planCodes,
                values -> values.get("plan_code") + "/" + values.get("component") + "/" + gb(values.get("from_gb")));
    }

    @Override
    Refusal unknownReference(DataComponentRow row) {
        return plans.contains(row.planCode()) ? null
                : new Refusal("plan_code", "no plan " + row.planCode() + " (import plans first)");
    }

    @Override
    Refusal clash(DataComponentRow row) {
        String first = settingsInFile.putIfAbsent(component(row), row.settings());
        if (first != null && !first.equals(row.settings())) {
            return new Refusal("component", "the names, metering, minimum and cap of component " + row.component()
                    + " of plan " + row.planCode() + " differ from its line above (" + first.replace('|', ',')
                    + "): every band line of a component repeats them");
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(DataComponentRow row) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("plan_code", row.planCode()).addValue("component", row.component())
                .addValue("name_en", row.nameEn()).addValue("name_fr", row.nameFr())
                .addValue("metering", row.metering().name()).addValue("from_gb", row.band().fromGb())
                .addValue("price_per_gb", row.band().pricePerGb()).addValue("minimum_amount", row.minimum())
                .addValue("cap_amount", row.cap());
        componentsOfBatch.put(component(row), params);
        return params;
    }

    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        if (!componentsOfBatch.isEmpty()) {
            jdbc.batchUpdate(SETTINGS, componentsOfBatch.values().toArray(MapSqlParameterSource[]::new));
        }
    }
}
