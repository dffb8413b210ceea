package ca.isp.billing.jobs.rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        super((afterId, size) -> load(jdbc, afterId, maxId, size), UsageToRate::id, minId - 1, pageSize);
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
     * step, which rates records as it stores them (UsageRating).
     */
    public static List<UsageToRate> matched(NamedParameterJdbcTemplate jdbc, List<UsageToRate> page) {
        if (page.isEmpty()) {
            return page;
        }
        List<String> ids = page.stream().map(UsageToRate::serviceId).distinct().toList();
        Map<String, Object[]> owners = new HashMap<>();
        RowCallbackHandler owner = rs -> {
            owners.putIfAbsent(rs.getString(1), new Object[]{rs.getLong(2), rs.getLong(3), rs.getString(4)});
        };
        // the subscription's own service id first, then its other identifiers (user names, phone numbers)
        jdbc.query("""
                SELECT si.service_id, s.id, s.account_id, s.plan_code FROM service_identifier si
                JOIN subscription s ON s.id = si.subscription_id WHERE si.service_id IN (:ids)""",
                new MapSqlParameterSource("ids", ids), owner);
        jdbc.query("""
                SELECT sa.identifier, s.id, s.account_id, s.plan_code FROM service_alias sa
                JOIN subscription s ON s.id = sa.subscription_id
                WHERE sa.identifier IN (:ids) AND sa.kind IN ('USER_NAME', 'PHONE')""",
                new MapSqlParameterSource("ids", ids), owner);
        // a session whose user name matches nothing: the subscription its framed IP address was given to
        List<String> addresses = page.stream().filter(u -> !owners.containsKey(u.serviceId()) && u.framedIp() != null)
                .map(UsageToRate::framedIp).distinct().toList();
        Map<String, Object[]> byAddress = new HashMap<>();
        if (!addresses.isEmpty()) {
            jdbc.query("""
                    SELECT sa.identifier, s.id, s.account_id, s.plan_code FROM service_alias sa
                    JOIN subscription s ON s.id = sa.subscription_id
                    WHERE sa.identifier IN (:ips) AND sa.kind = 'FRAMED_IP'""",
                    new MapSqlParameterSource("ips", addresses), rs -> {
                        byAddress.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getLong(3), rs.getString(4)});
                    });
        }
        // A record is rated on the plan its subscription had the day it started (its plan changes),
        // as the charge step bills a period on the plan of its last day.
        Map<Long, TreeMap<LocalDate, String>> planChanges = new HashMap<>();
        List<Long> subscriptions = new ArrayList<>();
        owners.values().forEach(o -> subscriptions.add((Long) o[0]));
        byAddress.values().forEach(o -> subscriptions.add((Long) o[0]));
        if (!subscriptions.isEmpty()) {
            jdbc.query("""
                    SELECT subscription_id, effective_from, plan_code FROM subscription_change
                    WHERE change_type = 'PLAN' AND subscription_id IN (:subscriptions)""",
                    new MapSqlParameterSource("subscriptions", subscriptions.stream().distinct().toList()), rs -> {
                        planChanges.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                                .put(rs.getObject(2, LocalDate.class), rs.getString(3));
                    });
        }
        return page.stream().map(u -> {
            Object[] found = owners.get(u.serviceId());
            if (found == null && u.framedIp() != null) {
                found = byAddress.get(u.framedIp());
            }
            if (found == null) {
                return u;
            }
            Map.Entry<LocalDate, String> changed = planChanges.getOrDefault((Long) found[0], new TreeMap<>())
                    .floorEntry(u.start().toLocalDate());
            return u.matched((Long) found[0], (Long) found[1], changed != null ? changed.getValue() : (String) found[2]);
        }).toList();
    }
}
