package ca.isp.billing.jobs.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.PlanRow;

/**
 * Plans by plan code, with the price of their whole term (billed, dated in plan_price) and whether
 * they bill while suspended.
 */
final class PlanUpsert extends Upsert<PlanRow> {

    private static final String INSERT = """
            INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, included_gb,
                overage_per_gb, per_minute, term_price, bills_while_suspended, tax_class, gl_account, included_minutes)
            VALUES (:code, :name_en, :name_fr, :kind, :monthly_price, :period_months, :included_gb,
                :overage_per_gb, :per_minute, :term_price, :bills_while_suspended, :tax_class, :gl_account,
                :included_minutes)""";

    private static final String UPDATE = """
            UPDATE plan SET name_en = :name_en, name_fr = :name_fr, kind = :kind, monthly_price = :monthly_price,
                period_months = :period_months, included_gb = :included_gb, overage_per_gb = :overage_per_gb,
                per_minute = :per_minute, term_price = :term_price, bills_while_suspended = :bills_while_suspended,
                tax_class = :tax_class, gl_account = :gl_account, included_minutes = :included_minutes
            WHERE code = :code""";

    /** Before any term: a new plan's price has always been its price. */
    private static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

    private final LocalDate today;
    private final List<MapSqlParameterSource> prices = new ArrayList<>();
    /** Of the batch's stored plans: their prices over time and the first day of the latest term billed. */
    private Map<String, Map<String, Object>> stored = Map.of();
    private final Map<String, TreeMap<LocalDate, BigDecimal>> schedules = new HashMap<>();
    private final Map<String, LocalDate> lastTermBilled = new HashMap<>();

    PlanUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates, LocalDate today) {
        super(jdbc, PlanFormat.within(dates), "plan_code", INSERT, UPDATE);
        this.today = today;
    }

    /**
     * Refused: a new term length for a plan (its billed terms would be cut again and netted against
     * other terms), and a new price dated on or before the first day of a term already billed on it
     * (it would re-bill that term: a correction is a one-time charge or credit).
     */
    @Override
    Refusal clash(PlanRow row) {
        Map<String, Object> before = stored.get(row.planCode());
        if (before == null) {
            return null;
        }
        int months = ((Number) before.get("period_months")).intValue();
        if (months != row.periodMonths()) {
            return new Refusal("period_months", "plan " + row.planCode() + " has " + months + "-month terms; a"
                    + " term length cannot change once imported (the terms billed would be cut again): give the new"
                    + " length a new plan code and move subscriptions to it with plan_changes");
        }
        LocalDate billedFrom = lastTermBilled.get(row.planCode());
        if (row.priceFrom() != null && billedFrom != null && !row.priceFrom().isAfter(billedFrom)
                && priceOn(row.planCode(), row.priceFrom()).compareTo(row.termPrice()) != 0) {
            return new Refusal("price_from", "a term of plan " + row.planCode() + " starting " + billedFrom
                    + " is billed already: a new price can apply from " + billedFrom.plusDays(1) + " on (correct what"
                    + " was billed with a one-time charge or credit)");
        }
        return null;
    }

    /**
     * A new term price is dated (plan_price), so a term that started before keeps the price it was
     * billed at: from price_from, or else from the import's day or the day after the latest term
     * billed on the plan, whichever is later (a cycle may have billed a term starting today or ahead).
     */
    @Override
    Change change(PlanRow row, MapSqlParameterSource params, Map<String, Object> stored) {
        Change change = super.change(row, params, stored);
        if (stored == null) {
            prices.add(price(row.planCode(), ALWAYS, row.termPrice()));
            return change;
        }
        LocalDate from = row.priceFrom();
        boolean newPrice;
        if (from != null) {
            // the price in force that day differs, or a price planned later is replaced by this one
            newPrice = priceOn(row.planCode(), from).compareTo(row.termPrice()) != 0
                    || schedules.getOrDefault(row.planCode(), new TreeMap<>()).higherKey(from) != null;
        } else {
            BigDecimal latest = (BigDecimal) stored.get("term_price");
            newPrice = latest == null || latest.compareTo(row.termPrice()) != 0;
            LocalDate billedFrom = lastTermBilled.get(row.planCode());
            from = billedFrom != null && !billedFrom.isBefore(today) ? billedFrom.plusDays(1) : today;
        }
        if (newPrice) {
            prices.add(price(row.planCode(), from, row.termPrice()));
            return change == Change.UNCHANGED ? Change.UPDATE : change;
        }
        return change;
    }

    /** The plan's price for a term starting on {@code day}, as stored. */
    private BigDecimal priceOn(String planCode, LocalDate day) {
        TreeMap<LocalDate, BigDecimal> schedule = schedules.get(planCode);
        Map.Entry<LocalDate, BigDecimal> inForce = schedule == null ? null : schedule.floorEntry(day);
        return inForce != null ? inForce.getValue() : (BigDecimal) stored.get(planCode).get("term_price");
    }

    private static MapSqlParameterSource price(String planCode, LocalDate from, BigDecimal price) {
        return new MapSqlParameterSource("code", planCode).addValue("from", from).addValue("price", price);
    }

    /** The price from its day on: it replaces any price planned from that day or later. */
    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        MapSqlParameterSource[] batch = prices.toArray(MapSqlParameterSource[]::new);
        prices.clear();
        jdbc.batchUpdate("DELETE FROM plan_price WHERE plan_code = :code AND effective_from >= :from", batch);
        jdbc.batchUpdate("INSERT INTO plan_price (plan_code, effective_from, term_price) VALUES (:code, :from, :price)",
                batch);
    }

    @Override
    String key(PlanRow row) {
        return row.planCode();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<PlanRow> rows) {
        java.util.Set<String> codes = keys(rows, PlanRow::planCode);
        stored = storedValues("""
                SELECT code, name_en, name_fr, kind, monthly_price, period_months, included_gb, overage_per_gb, per_minute,
                    term_price, bills_while_suspended, tax_class, gl_account, included_minutes
                FROM plan WHERE code IN (:keys)""",
                codes, values -> (String) values.get("code"));
        schedules.clear();
        lastTermBilled.clear();
        if (!stored.isEmpty()) {
            MapSqlParameterSource keys = new MapSqlParameterSource("keys", stored.keySet());
            jdbc.query("SELECT plan_code, effective_from, term_price FROM plan_price WHERE plan_code IN (:keys)", keys,
                    rs -> {
                        schedules.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                    });
            jdbc.query("""
                    SELECT item_plan_code, MAX(item_term_start) FROM invoice_line
                    WHERE item_plan_code IN (:keys) AND item_term_start IS NOT NULL GROUP BY item_plan_code""", keys, rs -> {
                lastTermBilled.put(rs.getString(1), rs.getObject(2, LocalDate.class));
            });
        }
        return stored;
    }

    @Override
    MapSqlParameterSource params(PlanRow p) {
        return new MapSqlParameterSource()
                .addValue("code", p.planCode()).addValue("name_en", p.nameEn()).addValue("name_fr", p.nameFr())
                .addValue("kind", p.kind()).addValue("monthly_price", p.monthlyPrice())
                .addValue("period_months", p.periodMonths()).addValue("included_gb", p.includedGb())
                .addValue("overage_per_gb", p.overagePerGb()).addValue("per_minute", p.perMinute())
                .addValue("term_price", p.termPrice()).addValue("bills_while_suspended", p.billsWhileSuspended())
                .addValue("tax_class", p.taxClass()).addValue("gl_account", p.glAccount())
                .addValue("included_minutes", p.includedMinutes());
    }
}
