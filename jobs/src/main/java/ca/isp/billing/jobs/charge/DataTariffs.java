package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.ConsumptionComponent;
import ca.isp.billing.domain.DataMetering;
import ca.isp.billing.domain.DataTariff;
import ca.isp.billing.domain.GbBand;

/**
 * The plans' data components (data_band, import data-components), loaded once when the charge step
 * starts. A plan with components bills its data by them (DataCharger); a plan without keeps its
 * included_gb and overage_per_gb (UsageCharger). A plan whose components the domain refuses
 * prices nothing: its accounts are left uncharged, naming why, until the file is fixed.
 */
public final class DataTariffs {

    private final Map<String, DataTariff> tariffs;
    private final Map<String, String> refused;

    private DataTariffs(Map<String, DataTariff> tariffs, Map<String, String> refused) {
        this.tariffs = tariffs;
        this.refused = refused;
    }

    public static DataTariffs none() {
        return new DataTariffs(Map.of(), Map.of());
    }

    /** A band of a component as stored, its settings repeated on each band. */
    private record Band(String component, String nameEn, String nameFr, DataMetering metering, GbBand band,
                        BigDecimal minimum, BigDecimal cap) {
    }

    public static DataTariffs load(JdbcTemplate jdbc) {
        Map<String, List<Band>> bands = new LinkedHashMap<>();
        jdbc.query("""
                SELECT plan_code, component, name_en, name_fr, metering, from_gb, price_per_gb, minimum_amount, cap_amount
                FROM data_band ORDER BY plan_code, component, from_gb""", rs -> {
            bands.computeIfAbsent(rs.getString("plan_code"), p -> new ArrayList<>()).add(new Band(
                    rs.getString("component"), rs.getString("name_en"), rs.getString("name_fr"),
                    DataMetering.valueOf(rs.getString("metering")),
                    new GbBand(rs.getBigDecimal("from_gb"), rs.getBigDecimal("price_per_gb")),
                    rs.getBigDecimal("minimum_amount"), rs.getBigDecimal("cap_amount")));
        });
        Map<String, DataTariff> tariffs = new HashMap<>();
        Map<String, String> refused = new HashMap<>();
        bands.forEach((plan, rows) -> {
            try {
                Map<String, List<Band>> byComponent = new LinkedHashMap<>();
                rows.forEach(row -> byComponent.computeIfAbsent(row.component(), c -> new ArrayList<>()).add(row));
                List<ConsumptionComponent> components = new ArrayList<>();
                byComponent.forEach((code, of) -> {
                    Band first = of.get(0);
                    components.add(new ConsumptionComponent(code, first.nameEn(), first.nameFr(), first.metering(),
                            of.stream().map(Band::band).toList(), first.minimum(), first.cap()));
                });
                tariffs.put(plan, new DataTariff(plan, components));
            } catch (IllegalArgumentException e) {
                refused.put(plan, e.getMessage());
            }
        });
        return new DataTariffs(tariffs, refused);
    }

    /** True when the plan's data is priced by components (refused ones included: they must not fall back). */
    public boolean has(String planCode) {
        return tariffs.containsKey(planCode) || refused.containsKey(planCode);
    }

    /** The plan's components, or null when they were refused (see {@link #refusal}). */
    public DataTariff of(String planCode) {
        return tariffs.get(planCode);
    }

    public String refusal(String planCode) {
        return refused.get(planCode);
    }
}
