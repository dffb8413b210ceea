package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.SubscriptionPriceFormat;
import ca.isp.billing.readers.SubscriptionPriceRow;

/**
 * Contract prices by subscription and price_from. A price dated back to a term already billed is
 * netted by the next cycle (a credit or a charge for the difference), as any change of a billed
 * term: what the term is billed in all is what it owes at the contract price.
 */
final class SubscriptionPriceUpsert extends Upsert<SubscriptionPriceRow> {

    private static final String INSERT = """
            INSERT INTO subscription_price (subscription_id, plan_code, price_from, term_price)
            VALUES (:subscription_id, :plan_code, :price_from, :term_price)""";

    private static final String UPDATE = """
            UPDATE subscription_price SET plan_code = :plan_code, term_price = :term_price
            WHERE subscription_id = :subscription_id AND price_from = :price_from""";

    private Map<String, Long> subscriptions;
    private Map<String, Long> plans;

    SubscriptionPriceUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, SubscriptionPriceFormat.within(dates), "price_from", INSERT, UPDATE);
    }

    @Override
    String key(SubscriptionPriceRow row) {
        return row.subscriptionId() + " " + row.priceFrom();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<SubscriptionPriceRow> rows) {
        subscriptions = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                keys(rows, SubscriptionPriceRow::subscriptionId));
        plans = idsByKey("SELECT code AS k, 1 AS id FROM plan WHERE code IN (:keys)",
                keys(rows, SubscriptionPriceRow::planCode));
        Set<String> ids = keys(rows, SubscriptionPriceRow::subscriptionId);
        return storedValues("""
                SELECT subscription_id, plan_code, price_from, term_price FROM subscription_price
                WHERE subscription_id IN (:keys)""", ids,
                values -> values.get("subscription_id") + " " + toLocalDate(values.get("price_from")));
    }

    private static Object toLocalDate(Object date) {
        return date instanceof java.sql.Date sql ? sql.toLocalDate() : date;
    }

    @Override
    Refusal unknownReference(SubscriptionPriceRow p) {
        if (!subscriptions.containsKey(p.subscriptionId())) {
            return new Refusal("subscription_id", "unknown subscription '" + p.subscriptionId()
                    + "' (import subscriptions first)");
        }
        return plans.containsKey(p.planCode()) ? null
                : new Refusal("plan_code", "unknown plan '" + p.planCode() + "' (import plans first)");
    }

    @Override
    MapSqlParameterSource params(SubscriptionPriceRow p) {
        return new MapSqlParameterSource().addValue("subscription_id", p.subscriptionId())
                .addValue("plan_code", p.planCode()).addValue("price_from", p.priceFrom())
                .addValue("term_price", p.termPrice());
    }
}
