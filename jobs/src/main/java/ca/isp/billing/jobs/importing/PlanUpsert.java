package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.PlanRow;

/** Plans by plan code, with the price of their whole term (billed) and whether they bill while suspended. */
final class PlanUpsert extends Upsert<PlanRow> {

    private static final String INSERT = """
            INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, included_gb,
                overage_per_gb, per_minute, term_price, bills_while_suspended, tax_class, gl_account)
            VALUES (:code, :name_en, :name_fr, :kind, :monthly_price, :period_months, :included_gb,
                :overage_per_gb, :per_minute, :term_price, :bills_while_suspended, :tax_class, :gl_account)""";

    private static final String UPDATE = """
            UPDATE plan SET name_en = :name_en, name_fr = :name_fr, kind = :kind, monthly_price = :monthly_price,
                period_months = :period_months, included_gb = :included_gb, overage_per_gb = :overage_per_gb,
                per_minute = :per_minute, term_price = :term_price, bills_while_suspended = :bills_while_suspended,
                tax_class = :tax_class, gl_account = :gl_account
            WHERE code = :code""";

    PlanUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, PlanFormat.INSTANCE, "plan_code", INSERT, UPDATE);
    }

    @Override
    String key(PlanRow row) {
        return row.planCode();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<PlanRow> rows) {
        return storedValues("""
                SELECT code, name_en, name_fr, kind, monthly_price, period_months, included_gb, overage_per_gb, per_minute,
                    term_price, bills_while_suspended, tax_class, gl_account
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
                .addValue("tax_class", p.taxClass()).addValue("gl_account", p.glAccount());
    }
}
