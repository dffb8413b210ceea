package ca.isp.billing.jobs.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.Plan;
import ca.isp.billing.domain.PlanKind;
import ca.isp.billing.domain.PlanTerm;

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

    /** The minutes each plan includes per usage period for calls rated with its rate table (plans with some). */
    public static Map<String, Long> includedMinutes(JdbcTemplate jdbc) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        jdbc.query("SELECT code, included_minutes FROM plan WHERE included_minutes IS NOT NULL",
                rs -> {
                    minutes.put(rs.getString(1), rs.getLong(2));
                });
        return minutes;
    }

    /**
     * Each plan's term, for RecurringCharger: the price of the whole term over time (plan_price), its
     * months, whether it bills while suspended.
     */
    public static Map<String, PlanTerm> planTerms(JdbcTemplate jdbc) {
        Map<String, TreeMap<LocalDate, BigDecimal>> prices = new HashMap<>();
        jdbc.query("SELECT plan_code, effective_from, term_price FROM plan_price", rs -> {
            prices.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getObject(2, LocalDate.class),
                    rs.getBigDecimal(3));
        });
        Map<String, PlanTerm> plans = new LinkedHashMap<>();
        jdbc.query("SELECT code, name_en, name_fr, term_price, period_months, bills_while_suspended FROM plan ORDER BY code",
                rs -> {
                    plans.put(rs.getString(1), new PlanTerm(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), rs.getInt(5), rs.getBoolean(6),
                            prices.getOrDefault(rs.getString(1), new TreeMap<>())));
                });
        return plans;
    }
}
