package ca.isp.billing.jobs.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
                overage_per_gb, per_minute, term_price, bills_while_suspended, tax_class, included_minutes)
            VALUES (:code, :name_en, :name_fr, :kind, :monthly_price, :period_months, :included_gb,
                :overage_per_gb, :per_minute, :term_price, :bills_while_suspended, :tax_class, :included_minutes)""";

    private static final String UPDATE = """
            UPDATE plan SET name_en = :name_en, name_fr = :name_fr, kind = :kind, monthly_price = :monthly_price,
                period_months = :period_months, included_gb = :included_gb, overage_per_gb = :overage_per_gb,
                per_minute = :per_minute, term_price = :term_price, bills_while_suspended = :bills_while_suspended,
                tax_class = :tax_class, included_minutes = :included_minutes
            WHERE code = :code""";

    /** Before any term: a new plan's price has always been its price. */
    private static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

    private final LocalDate today;
    private final List<MapSqlParameterSource> prices = new ArrayList<>();

    PlanUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates, LocalDate today) {
        super(jdbc, PlanFormat.within(dates), "plan_code", INSERT, UPDATE);
        this.today = today;
    }

    /**
     * A new term price is dated (plan_price): from price_from, or else from the import's day, so a
     * term that started before keeps the price it was billed at.
     */
    @Override
    Change change(PlanRow row, MapSqlParameterSource params, Map<String, Object> stored) {
        Change change = super.change(row, params, stored);
        if (stored == null) {
            prices.add(price(row.planCode(), ALWAYS, row.termPrice()));
        } else if (stored.get("term_price") == null
                || ((BigDecimal) stored.get("term_price")).compareTo(row.termPrice()) != 0) {
            prices.add(price(row.planCode(), row.priceFrom() != null ? row.priceFrom() : today, row.termPrice()));
        }
        return change;
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
        return storedValues("""
                SELECT code, name_en, name_fr, kind, monthly_price, period_months, included_gb, overage_per_gb, per_minute,
                    term_price, bills_while_suspended, tax_class, included_minutes
                FROM plan WHERE code IN (:keys)""",
                keys(rows, PlanRow::planCode), values -> (String) values.get("code"));
    }

    @Override
    MapSqlParameterSource params(PlanRow p) {
        return new MapSqlParameterSource()
                .addValue("code", p.planCode()).addValue("name_en", p.nameEn()).addValue("name_fr", p.nameFr())
                .addValue("kind", p.kind()).addValue("monthly_price", p.monthlyPrice())
                .addValue("period_months", p.periodMonths()).addValue("included_gb", p.includedGb())
                .addValue("overage_per_gb", p.overagePerGb()).addValue("per_minute", p.perMinute())
                .addValue("term_price", p.termPrice()).addValue("bills_while_suspended", p.billsWhileSuspended())
                .addValue("tax_class", p.taxClass()).addValue("included_minutes", p.includedMinutes());
    }
}
