package ca.isp.billing.jobs.rate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads usage records not rated yet (NEW, and UNMATCHED ones again: their subscription may have
 * been imported since), a page at a time, finding each record's subscription in a few queries:
 * by its service id, as a subscription's own (service_identifier) or as one of its other
 * identifiers (service_alias: USER_NAME, PHONE); failing that, a session by its framed IP
 * address (service_alias FRAMED_IP).
 */
public class UsageToRateReader extends KeysetPageReader<UsageToRate, Long> {

    /** Records the rate step takes: new ones, and those no subscription matched last time. */
    static final List<String> TO_RATE = List.of(UsageStatus.NEW.name(), UsageStatus.UNMATCHED.name());

    public UsageToRateReader(NamedParameterJdbcTemplate jdbc, int pageSize) {
        super((afterId, size) -> load(jdbc, afterId, size), UsageToRate::id, Long.MIN_VALUE, pageSize);
    }

    private static List<UsageToRate> load(NamedParameterJdbcTemplate jdbc, long afterId, int size) {
        List<UsageToRate> page = jdbc.query("""
                SELECT id, service_id, usage_type, quantity, framed_ip FROM usage_record
                WHERE status IN (:toRate) AND id > :after ORDER BY id LIMIT :size""",
                new MapSqlParameterSource("after", afterId).addValue("size", size).addValue("toRate", TO_RATE),
                (rs, n) -> new UsageToRate(rs.getLong("id"), rs.getString("service_id"), rs.getString("usage_type"),
                        rs.getLong("quantity"), rs.getString("framed_ip"), null, null));
        if (page.isEmpty()) {
            return page;
        }
        List<String> ids = page.stream().map(UsageToRate::serviceId).distinct().toList();
        Map<String, long[]> owners = new HashMap<>();
        RowCallbackHandler owner = rs -> {
            owners.putIfAbsent(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
        };
        // the subscription's own service id first, then its other identifiers (user names, phone numbers)
        jdbc.query("""
                SELECT si.service_id, s.id, s.account_id FROM service_identifier si
                JOIN subscription s ON s.id = si.subscription_id WHERE si.service_id IN (:ids)""",
                new MapSqlParameterSource("ids", ids), owner);
        jdbc.query("""
                SELECT sa.identifier, s.id, s.account_id FROM service_alias sa
                JOIN subscription s ON s.id = sa.subscription_id
                WHERE sa.identifier IN (:ids) AND sa.kind IN ('USER_NAME', 'PHONE')""",
                new MapSqlParameterSource("ids", ids), owner);
        // a session whose user name matches nothing: the subscription its framed IP address was given to
        List<String> addresses = page.stream().filter(u -> !owners.containsKey(u.serviceId()) && u.framedIp() != null)
                .map(UsageToRate::framedIp).distinct().toList();
        Map<String, long[]> byAddress = new HashMap<>();
        if (!addresses.isEmpty()) {
            jdbc.query("""
                    SELECT sa.identifier, s.id, s.account_id FROM service_alias sa
                    JOIN subscription s ON s.id = sa.subscription_id
                    WHERE sa.identifier IN (:ips) AND sa.kind = 'FRAMED_IP'""",
                    new MapSqlParameterSource("ips", addresses), rs -> {
                        byAddress.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                    });
        }
        return page.stream().map(u -> {
            long[] found = owners.get(u.serviceId());
            if (found == null && u.framedIp() != null) {
                found = byAddress.get(u.framedIp());
            }
            return found == null ? u
                    : new UsageToRate(u.id(), u.serviceId(), u.usageType(), u.quantity(), u.framedIp(), found[0], found[1]);
        }).toList();
    }
}
