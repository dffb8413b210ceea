package ca.isp.billing.jobs.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the accounts into contiguous id ranges holding as many accounts each (within one),
 * one per partition. Every account-level step uses it, so a partition is the same set of
 * accounts whether it runs on a local thread or on a remote worker.
 *
 * <p>Balanced by count, not by id span: ids are not dense (accounts closed and deleted, an
 * import that jumped the sequence), and equal spans gave one partition most of the work. The
 * boundaries are every (count / grid)-th id, a query per boundary. The same split serves any
 * table keyed by a numeric id ({@link #usageToRate}: the rate step splits the usage records it
 * has to rate, which belong to no account until it has matched them).
 */
public class AccountRangePartitioner implements Partitioner {

    public static final String MIN_ID = "minId";
    public static final String MAX_ID = "maxId";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String where;

    /** The accounts. */
    public AccountRangePartitioner(JdbcTemplate jdbc) {
        this(jdbc, "account", "1 = 1");
    }

    /** The rows of {@code table} matching {@code where} (a constant condition, no parameters), by their id. */
    public AccountRangePartitioner(JdbcTemplate jdbc, String table, String where) {
        this.jdbc = jdbc;
        this.table = table;
        this.where = where;
    }

    /** The usage records the rate step takes (new, unmatched, rating gap), by record id. */
    public static AccountRangePartitioner usageToRate(JdbcTemplate jdbc, List<String> statuses) {
        StringBuilder in = new StringBuilder();
        for (String status : statuses) {
            if (!status.matches("[A-Z_]+")) {
                throw new IllegalArgumentException("not a status: " + status);
            }
            in.append(in.isEmpty() ? "" : ", ").append('\'').append(status).append('\'');
        }
        return new AccountRangePartitioner(jdbc, "usage_record", "status IN (" + in + ")");
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        List<long[]> ranges = ranges(gridSize);
        for (int i = 0; i < ranges.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(MIN_ID, ranges.get(i)[0]);
            context.putLong(MAX_ID, ranges.get(i)[1]);
            partitions.put("partition" + i, context);
        }
        return partitions;
    }

    /**
     * The [min, max] id ranges, in id order, of as many rows each (the first ones one more when
     * the count does not divide). No rows: one empty range (1, 0), so the step keeps its shape
     * (and its restart) the same.
     */
    public List<long[]> ranges(int gridSize) {
        long[] stats = jdbc.queryForObject("SELECT COUNT(*), MIN(id), MAX(id) FROM " + table + " WHERE " + where,
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        long count = stats[0];
        List<long[]> ranges = new ArrayList<>();
        if (count == 0) {
            ranges.add(new long[]{1, 0});
            return ranges;
        }
        int parts = (int) Math.min(Math.max(1, gridSize), count);
        long start = stats[1];
        for (int k = 1; k < parts; k++) {
            // the first id of part k: count / parts rows per part, one more for the first count % parts
            long offset = k * (count / parts) + Math.min(k, count % parts);
            long next = jdbc.queryForObject("SELECT id FROM " + table + " WHERE " + where
                    + " ORDER BY id LIMIT 1 OFFSET " + offset, Long.class);
            ranges.add(new long[]{start, next - 1});
            start = next;
        }
        ranges.add(new long[]{start, stats[2]});
        return ranges;
    }
}
