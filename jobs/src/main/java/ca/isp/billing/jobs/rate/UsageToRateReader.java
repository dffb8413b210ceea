package ca.isp.billing.jobs.rate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads usage records not rated yet (NEW, and UNMATCHED ones again: their subscription may have
 * been imported since), a page at a time, resolving all the page's service ids in one query.
 */
public class UsageToRateReader extends KeysetPageReader<UsageToRate, Long> {

    /** Records the rate step takes: new ones, and those no subscription matched last time. */
    static final List<String> TO_RATE = List.of(UsageStatus.NEW.name(), UsageStatus.UNMATCHED.name());

    public UsageToRateReader(NamedParameterJdbcTemplate jdbc, int pageSize) {
        super((afterId, size) -> load(jdbc, afterId, size), UsageToRate::id, Long.MIN_VALUE, pageSize);
    }

    private static List<UsageToRate> load(NamedParameterJdbcTemplate jdbc, long afterId, int size) {
        List<UsageToRate> page = jdbc.query("""
                SELECT id, service_id, usage_type, quantity FROM usage_record
                WHERE status IN (:toRate) AND id > :after ORDER BY id LIMIT :size""",
                new MapSqlParameterSource("after", afterId).addValue("size", size).addValue("toRate", TO_RATE),
                (rs, n) -> new UsageToRate(rs.getLong("id"), rs.getString("service_id"), rs.getString("usage_type"),
                        rs.getLong("quantity"), null, null));
        if (page.isEmpty()) {
            return page;
        }
        Map<String, long[]> owners = new HashMap<>();
        jdbc.query("""
                SELECT si.service_id, s.id, s.account_id FROM service_identifier si
                JOIN subscription s ON s.id = si.subscription_id WHERE si.service_id IN (:ids)""",
                new MapSqlParameterSource("ids", page.stream().map(UsageToRate::serviceId).distinct().toList()),
                rs -> {
                    owners.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        return page.stream().map(u -> {
            long[] owner = owners.get(u.serviceId());
            return owner == null ? u
                    : new UsageToRate(u.id(), u.serviceId(), u.usageType(), u.quantity(), owner[0], owner[1]);
        }).toList();
    }
}
