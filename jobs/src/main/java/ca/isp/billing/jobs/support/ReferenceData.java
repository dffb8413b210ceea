package ca.isp.billing.jobs.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.Plan;
import ca.isp.billing.domain.PlanKind;

/** Small reference tables a step loads once, not per chunk: plans (the tax tables: tax.TaxTables). */
public final class ReferenceData {

    private ReferenceData() {
    }

    public static Map<String, Plan> plans(JdbcTemplate jdbc) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM plan ORDER BY code", rs -> {
            plans.put(rs.getString("code"), new Plan(rs.getString("code"), rs.getString("name_en"),
                    rs.getString("name_fr"), PlanKind.valueOf(rs.getString("kind")), rs.getBigDecimal("monthly_price"),
                    rs.getInt("period_months"), rs.getBigDecimal("included_gb"), rs.getBigDecimal("overage_per_gb"),
                    rs.getBigDecimal("per_minute")));
        });
        return plans;
    }
}
