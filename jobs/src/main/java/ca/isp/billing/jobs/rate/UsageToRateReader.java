package ca.isp.billing.jobs.rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads usage records not rated yet (UNMATCHED and RATING_GAP ones again: their subscription or
 * their rate may have been imported since; NEW ones, left by a run from before the ingest step
 * rated as it stored, or put back by the rerate job), a page at a time, finding each record's
 * subscription in a few queries: by its service id, as a subscription's own (service_identifier)
 * or as one of its other identifiers (service_alias: USER_NAME, PHONE); failing that, a session
 * by its framed IP address (service_alias FRAMED_IP).
 */
public class UsageToRateReader extends KeysetPageReader<UsageToRate, Long> {

    /**
     * Records the rate step takes: new ones, those no subscription matched last time, and calls
     * no rate priced last time (their rates may have been imported since).
     */
    public static final List<String> TO_RATE = List.of(UsageStatus.NEW.name(), UsageStatus.UNMATCHED.name(),
            UsageStatus.RATING_GAP.name());

    public UsageToRateReader(NamedParameterJdbcTemplate jdbc, int pageSize) {
        this(jdbc, Long.MIN_VALUE + 1, Long.MAX_VALUE, pageSize);
    }

    /** The records of one partition: ids from minId to maxId (AccountRangePartitioner.usageToRate). */
    public UsageToRateReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, int pageSize) {
        super((afterId, size) -> load(jdbc, afterId, maxId, size), UsageToRate::id, keyBefore(minId), pageSize);
    }

    private static List<UsageToRate> load(NamedParameterJdbcTemplate jdbc, long afterId, long maxId, int size) {
        // One query per status, each walking ix_usage_status (status, id) in order and stopping at
        // the page's size; then the first of the three by id. With "status IN (...)" H2 read every
        // record still to rate after the page's start and sorted them, for every page: the rate
        // step took the square of its records (187 s for 200,000 records, issue 8's bench).
        List<UsageToRate> found = new ArrayList<>();
        for (String status : TO_RATE) {
            found.addAll(jdbc.query("""
                    SELECT id, record_id, service_id, usage_type, start_time, quantity, framed_ip, destination, disposition
                    FROM usage_record WHERE status = :status AND id > :after AND id <= :max ORDER BY id LIMIT :size""",
                    new MapSqlParameterSource("after", afterId).addValue("max", maxId).addValue("size", size)
                            .addValue("status", status),
                    (rs, n) -> new UsageToRate(rs.getLong("id"), rs.getString("record_id"), rs.getString("service_id"),
                            rs.getString("usage_type"), rs.getTimestamp("start_time").toLocalDateTime(),
                            rs.getLong("quantity"), rs.getString("framed_ip"), rs.getString("destination"),
                            rs.getString("disposition"), null, null, null)));
        }
        found.sort(Comparator.comparingLong(UsageToRate::id));
        List<UsageToRate> page = found.size() > size ? found.subList(0, size) : found;
        return matched(jdbc, page);
    }

    /**
     * The records with the subscription each belongs to (and its plan the day the record
     * started), or as they were when none: the rate step's matching, also used by the ingest
     * step, which rates records as it stores them (UsageRating, which keeps
     * what it found for the rest of its step).
     */
    public static List<UsageToRate> matched(NamedParameterJdbcTemplate jdbc, List<UsageToRate> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<String, Owner> owners = byServiceId(jdbc, page.stream().map(UsageToRate::serviceId).distinct().toList());
        // a session whose user name matches nothing: the subscription its framed IP address was given to
        Map<String, Owner> byAddress = byFramedIp(jdbc, page.stream()
                .filter(u -> !owners.containsKey(u.serviceId()) && u.framedIp() != null)
                .map(UsageToRate::framedIp).distinct().toList());
        withPlanChanges(jdbc, List.of(owners, byAddress));
        return page.stream().map(u -> {
            Owner found = owners.get(u.serviceId());
            return match(u, found == null && u.framedIp() != null ? byAddress.get(u.framedIp()) : found);
        }).toList();
    }

    /**
     * Whose a service id or framed IP address is: the subscription, its account, its plan now and,
     * when it has any, its plan changes (effective date to plan; null when none).
     */
    record Owner(long subscriptionId, long accountId, String planCode, NavigableMap<LocalDate, String> planChanges) {

        /** The plan the subscription had that day: a record is rated on it, as the charge step bills a period on the plan of its last day. */
        String planOn(LocalDate day) {
            Map.Entry<LocalDate, String> changed = planChanges == null ? null : planChanges.floorEntry(day);
            return changed != null ? changed.getValue() : planCode;
        }
    }

    /** The record with its owner's subscription, account and plan on the record's day; as it was when none. */
    static UsageToRate match(UsageToRate usage, Owner owner) {
        return owner == null ? usage
                : usage.matched(owner.subscriptionId(), owner.accountId(), owner.planOn(usage.start().toLocalDate()));
    }

    /**
     * The owners of service ids: the subscription's own service id first, then its other
     * identifiers (user names, phone numbers); ids no subscription has are absent. Plan changes
     * not read (withPlanChanges).
     */
    static Map<String, Owner> byServiceId(NamedParameterJdbcTemplate jdbc, List<String> ids) {
        Map<String, Owner> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        RowCallbackHandler owner = rs -> {
            owners.putIfAbsent(rs.getString(1), new Owner(rs.getLong(2), rs.getLong(3), rs.getString(4), null));
        };
        jdbc.query("""
                SELECT si.service_id, s.id, s.account_id, s.plan_code FROM service_identifier si
                JOIN subscription s ON s.id = si.subscription_id WHERE si.service_id IN (:ids)""",
                new MapSqlParameterSource("ids", ids), owner);
        jdbc.query("""
                SELECT sa.identifier, s.id, s.account_id, s.plan_code FROM service_alias sa
                JOIN subscription s ON s.id = sa.subscription_id
                WHERE sa.identifier IN (:ids) AND sa.kind IN ('USER_NAME', 'PHONE')""",
                new MapSqlParameterSource("ids", ids), owner);
        return owners;
    }

    /** The owners of framed IP addresses (service_alias FRAMED_IP); addresses given to none are absent. */
    static Map<String, Owner> byFramedIp(NamedParameterJdbcTemplate jdbc, List<String> addresses) {
        Map<String, Owner> byAddress = new HashMap<>();
        if (addresses.isEmpty()) {
            return byAddress;
        }
        jdbc.query("""
                SELECT sa.identifier, s.id, s.account_id, s.plan_code FROM service_alias sa
                JOIN subscription s ON s.id = sa.subscription_id
                WHERE sa.identifier IN (:ips) AND sa.kind = 'FRAMED_IP'""",
                new MapSqlParameterSource("ips", addresses), rs -> {
                    byAddress.put(rs.getString(1), new Owner(rs.getLong(2), rs.getLong(3), rs.getString(4), null));
                });
        return byAddress;
    }

    /** Adds their subscriptions' plan changes to the owners of the maps, in one query. */
    static void withPlanChanges(NamedParameterJdbcTemplate jdbc, List<Map<String, Owner>> maps) {
        List<Long> subscriptions = maps.stream().flatMap(m -> m.values().stream()).map(Owner::subscriptionId)
                .distinct().toList();
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<Long, NavigableMap<LocalDate, String>> planChanges = new HashMap<>();
        jdbc.query("""
                SELECT subscription_id, effective_from, plan_code FROM subscription_change
                WHERE change_type = 'PLAN' AND subscription_id IN (:subscriptions)""",
                new MapSqlParameterSource("subscriptions", subscriptions), rs -> {
                    planChanges.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getString(3));
                });
        if (planChanges.isEmpty()) {
            return;
        }
        for (Map<String, Owner> map : maps) {
            map.replaceAll((key, o) -> new Owner(o.subscriptionId(), o.accountId(), o.planCode(),
                    planChanges.get(o.subscriptionId())));
        }
    }
}
