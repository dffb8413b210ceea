package ca.isp.billing.jobs.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.DiscountFormat;
import ca.isp.billing.readers.DiscountRow;

/**
 * Discounts by discount_ref, as the file states them now: a changed value or end date is updated,
 * and the next cycle nets what the discount owes the terms billed against what it took off them
 * (RecurringCharger with DiscountCharger), so the same file twice changes nothing.
 */
final class DiscountUpsert extends Upsert<DiscountRow> {

    private static final String INSERT = """
            INSERT INTO discount (discount_ref, account_id, subscription_id, kind, discount_value, start_date, end_date,
                reason)
            VALUES (:discount_ref, :account_id, :subscription_id, :kind, :discount_value, :start_date, :end_date,
                :reason)""";

    private static final String UPDATE = """
            UPDATE discount SET account_id = :account_id, subscription_id = :subscription_id, kind = :kind,
                discount_value = :discount_value, start_date = :start_date, end_date = :end_date, reason = :reason
            WHERE discount_ref = :discount_ref""";

    private Map<String, Long> accounts;
    /** The account id of each subscription named in the batch. */
    private final Map<String, Long> subscriptionAccounts = new HashMap<>();

    DiscountUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, DiscountFormat.within(dates), "discount_ref", INSERT, UPDATE);
    }

    @Override
    String key(DiscountRow row) {
        return row.discountRef();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<DiscountRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, DiscountRow::accountNumber));
        subscriptionAccounts.clear();
        subscriptionAccounts.putAll(idsByKey("SELECT subscription_id AS k, account_id AS id FROM subscription"
                + " WHERE subscription_id IN (:keys)", rows.stream().map(DiscountRow::subscriptionId)
                .filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
        return storedValues("""
                SELECT discount_ref, account_id, subscription_id, kind, discount_value, start_date, end_date, reason
                FROM discount WHERE discount_ref IN (:keys)""", keys(rows, DiscountRow::discountRef),
                values -> (String) values.get("discount_ref"));
    }

    @Override
    Refusal unknownReference(DiscountRow d) {
        Long account = accounts.get(d.accountNumber());
        if (account == null) {
            return new Refusal("account_number", "unknown account '" + d.accountNumber() + "' (import accounts first)");
        }
        if (d.subscriptionId() != null) {
            Long owner = subscriptionAccounts.get(d.subscriptionId());
            if (owner == null) {
                return new Refusal("subscription_id", "unknown subscription '" + d.subscriptionId()
                        + "' (import subscriptions first)");
            }
            if (!owner.equals(account)) {
                return new Refusal("subscription_id", "subscription '" + d.subscriptionId()
                        + "' is not one of account " + d.accountNumber() + "'s");
            }
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(DiscountRow d) {
        return new MapSqlParameterSource()
                .addValue("discount_ref", d.discountRef()).addValue("account_id", accounts.get(d.accountNumber()))
                .addValue("subscription_id", d.subscriptionId()).addValue("kind", d.kind().name())
                .addValue("discount_value", d.value()).addValue("start_date", d.startDate())
                .addValue("end_date", d.endDate()).addValue("reason", d.reason());
    }
}
