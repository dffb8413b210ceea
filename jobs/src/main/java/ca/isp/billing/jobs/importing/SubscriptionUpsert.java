package ca.isp.billing.jobs.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.SubscriptionHistory.PlanChange;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.SubscriptionRow;

/**
 * Subscriptions by subscription id, each of an imported account and plan. The line's service id
 * (what usage finds the subscription by) is kept in service_identifier: it may belong to one
 * subscription only, and a new one replaces the old one (a new service id alone is a change).
 * A line states the subscription as it is now: its later plan and quantity changes and its
 * suspensions replace those stored (subscription_change) when they differ, so the same file
 * twice changes nothing and the next cycle bills the difference.
 */
final class SubscriptionUpsert extends Upsert<SubscriptionRow> {

    private static final String INSERT = """
            INSERT INTO subscription (subscription_id, account_id, plan_code, start_date, end_date, quantity)
            VALUES (:subscription_id, :account_id, :plan_code, :start_date, :end_date, :quantity)""";

    private static final String UPDATE = """
            UPDATE subscription SET account_id = :account_id, plan_code = :plan_code, start_date = :start_date,
                end_date = :end_date, quantity = :quantity
            WHERE subscription_id = :subscription_id""";

    // What the current batch is checked against, read by readStored.
    private Map<String, Long> accounts;
    private Set<String> plans;
    private Map<String, Long> existing;
    private Map<String, Set<String>> storedServiceIds;
    private Map<String, Long> serviceOwners;
    /** Service ids taken by the batch's rows so far, and those it writes: service id -> subscription id. */
    private Map<String, String> serviceIds;
    private Map<String, String> serviceIdsToWrite;
    /** Rows whose changes differ from those stored: written by afterWrites. */
    private List<SubscriptionRow> changesToWrite;

    SubscriptionUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, SubscriptionFormat.within(dates), "subscription_id", INSERT, UPDATE);
    }

    @Override
    String key(SubscriptionRow row) {
        return row.subscriptionId();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<SubscriptionRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, SubscriptionRow::accountNumber));
        Set<String> planCodes = new HashSet<>(keys(rows, SubscriptionRow::planCode));
        rows.forEach(row -> row.planChanges().forEach(change -> planCodes.add(change.planCode())));
        plans = idsByKey("SELECT code AS k, 1 AS id FROM plan WHERE code IN (:keys)", planCodes).keySet();
        // One query for the existing subscriptions: their ids, values and service ids (one row per service id).
        existing = new HashMap<>();
        storedServiceIds = new HashMap<>();
        Map<String, Map<String, Object>> stored = new HashMap<>();
        for (Map<String, Object> values : jdbc.queryForList("""
                SELECT s.id, s.subscription_id, s.account_id, s.plan_code, s.start_date, s.end_date, s.quantity,
                    si.service_id
                FROM subscription s LEFT JOIN service_identifier si ON si.subscription_id = s.id
                WHERE s.subscription_id IN (:keys)""",
                new MapSqlParameterSource("keys", keys(rows, SubscriptionRow::subscriptionId)))) {
            String sid = (String) values.get("subscription_id");
            existing.put(sid, ((Number) values.get("id")).longValue());
            stored.put(sid, values);
            Set<String> serviceIds = storedServiceIds.computeIfAbsent(sid, k -> new HashSet<>());
            if (values.get("service_id") != null) {
                serviceIds.add((String) values.get("service_id"));
            }
        }
        serviceOwners = idsByKey(
                "SELECT si.service_id AS k, si.subscription_id AS id FROM service_identifier si WHERE si.service_id IN (:keys)",
                keys(rows, SubscriptionRow::serviceId));
        // the stored changes of each, as one text compared with the line's
        Map<String, List<String>> changes = new HashMap<>();
        stored.keySet().forEach(sid -> changes.put(sid, new ArrayList<>()));
        if (!stored.isEmpty()) {
            jdbc.query("""
                    SELECT s.subscription_id, c.change_type, c.effective_from, c.until_date, c.plan_code, c.quantity
                    FROM subscription_change c JOIN subscription s ON s.id = c.subscription_id
                    WHERE s.subscription_id IN (:keys)""", new MapSqlParameterSource("keys", stored.keySet()), rs -> {
                changes.get(rs.getString(1)).add(change(rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), (Integer) rs.getObject(6, Integer.class)));
            });
        }
        changes.forEach((sid, list) -> stored.get(sid).put("changes", String.join("|", list.stream().sorted().toList())));
        serviceIds = new HashMap<>();
        serviceIdsToWrite = new HashMap<>();
        changesToWrite = new ArrayList<>();
        return stored;
    }

    @Override
    Refusal unknownReference(SubscriptionRow s) {
        if (!accounts.containsKey(s.accountNumber())) {
            return new Refusal("account_number", "unknown account '" + s.accountNumber() + "' (import accounts first)");
        }
        if (!plans.contains(s.planCode())) {
            return new Refusal("plan_code", "unknown plan '" + s.planCode() + "' (import plans first)");
        }
        for (PlanChange change : s.planChanges()) {
            if (!plans.contains(change.planCode())) {
                return new Refusal("plan_changes", "unknown plan '" + change.planCode() + "' (import plans first)");
            }
        }
        return null;
    }

    @Override
    Refusal clash(SubscriptionRow s) {
        Long owner = serviceOwners.get(s.serviceId());
        if ((owner != null && !owner.equals(existing.get(s.subscriptionId())))
                || serviceIds.putIfAbsent(s.serviceId(), s.subscriptionId()) != null) {
            return new Refusal("service_id", "service id '" + s.serviceId() + "' already belongs to another subscription");
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(SubscriptionRow s) {
        return new MapSqlParameterSource()
                .addValue("subscription_id", s.subscriptionId()).addValue("account_id", accounts.get(s.accountNumber()))
                .addValue("plan_code", s.planCode()).addValue("start_date", s.startDate())
                .addValue("end_date", s.endDate()).addValue("quantity", s.quantity())
                .addValue("changes", changes(s));
    }

    /** The line's changes as one text, in the order of the stored ones (compared as "changes"). */
    private static String changes(SubscriptionRow s) {
        List<String> list = new ArrayList<>();
        s.planChanges().forEach(c -> list.add(change("PLAN", c.from(), null, c.planCode(), null)));
        s.quantityChanges().forEach(c -> list.add(change("QUANTITY", c.from(), null, null, c.quantity())));
        s.suspensions().forEach(c -> list.add(change("SUSPENSION", c.from(), c.until(), null, null)));
        return String.join("|", list.stream().sorted().toList());
    }

    private static String change(String type, LocalDate from, LocalDate until, String planCode, Integer quantity) {
        return type + " " + from + " " + until + " " + planCode + " " + quantity;
    }

    /** The service id is part of the line: a new one alone is a change, written to service_identifier by afterWrites. */
    @Override
    Change change(SubscriptionRow s, MapSqlParameterSource params, Map<String, Object> stored) {
        if (stored == null || !params.getValue("changes").equals(stored.get("changes"))) {
            changesToWrite.add(s);
        }
        if (Set.of(s.serviceId()).equals(storedServiceIds.get(s.subscriptionId()))) {
            return super.change(s, params, stored);
        }
        serviceIdsToWrite.put(s.serviceId(), s.subscriptionId());
        return stored != null && !changed(params, stored) ? Change.UPDATE_ELSEWHERE : super.change(s, params, stored);
    }

    /**
     * Service identifiers of new subscriptions and changed ones: the current one replaces any older
     * one. Changes that differ from the stored ones replace them.
     */
    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        Set<String> written = new HashSet<>(serviceIdsToWrite.values());
        changesToWrite.forEach(row -> written.add(row.subscriptionId()));
        Map<String, Long> ids = idsByKey("SELECT subscription_id AS k, id FROM subscription WHERE subscription_id IN (:keys)",
                written);
        List<MapSqlParameterSource> changes = new ArrayList<>();
        for (SubscriptionRow row : changesToWrite) {
            Long id = ids.get(row.subscriptionId());
            row.planChanges().forEach(c -> changes.add(changeRow(id, "PLAN", c.from(), null, c.planCode(), null)));
            row.quantityChanges().forEach(c -> changes.add(changeRow(id, "QUANTITY", c.from(), null, null, c.quantity())));
            row.suspensions().forEach(c -> changes.add(changeRow(id, "SUSPENSION", c.from(), c.until(), null, null)));
        }
        jdbc.batchUpdate("DELETE FROM subscription_change WHERE subscription_id = :subscription",
                changesToWrite.stream().map(row -> new MapSqlParameterSource("subscription", ids.get(row.subscriptionId())))
                        .toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO subscription_change (subscription_id, change_type, effective_from, until_date, plan_code,
                    quantity)
                VALUES (:subscription, :type, :from, :until, :plan, :quantity)""",
                changes.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> identifiers = new ArrayList<>();
        serviceIdsToWrite.forEach((serviceId, sid) -> identifiers.add(new MapSqlParameterSource()
                .addValue("service", serviceId).addValue("subscription", ids.get(sid))));
        MapSqlParameterSource[] batch = identifiers.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE subscription_id = :subscription AND service_id <> :service", batch);
        jdbc.batchUpdate("DELETE FROM service_identifier WHERE service_id = :service", batch);
        jdbc.batchUpdate("INSERT INTO service_identifier (service_id, subscription_id) VALUES (:service, :subscription)", batch);
    }

    private static MapSqlParameterSource changeRow(Long subscription, String type, LocalDate from, LocalDate until,
                                                   String planCode, Integer quantity) {
        return new MapSqlParameterSource("subscription", subscription).addValue("type", type).addValue("from", from)
                .addValue("until", until).addValue("plan", planCode).addValue("quantity", quantity);
    }
}
