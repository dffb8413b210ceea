package ca.isp.billing.jobs.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the accounts into contiguous id ranges, one per partition. Every account-level step
 * uses it, so a partition is the same set of accounts whether it runs on a local thread or,
 * later, on a remote worker.
 */
public class AccountRangePartitioner implements Partitioner {

    public static final String MIN_ID = "minId";
    public static final String MAX_ID = "maxId";

    private final JdbcTemplate jdbc;

    public AccountRangePartitioner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, Long> bounds = jdbc.queryForObject(
                "SELECT MIN(id) AS lo, MAX(id) AS hi FROM account",
                (rs, n) -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    m.put("lo", rs.getLong("lo"));
                    m.put("hi", rs.getLong("hi"));
                    return m;
                });
        long lo = bounds.get("lo");
        long hi = bounds.get("hi");
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        long span = hi - lo + 1;
        long size = Math.max(1, (span + gridSize - 1) / gridSize);
        int index = 0;
        for (long start = lo; start <= hi; start += size) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(MIN_ID, start);
            context.putLong(MAX_ID, Math.min(hi, start + size - 1));
            partitions.put("partition" + index++, context);
        }
        if (partitions.isEmpty()) {
            // No accounts yet: one empty partition keeps the step's shape (and its restart) the same.
            ExecutionContext context = new ExecutionContext();
            context.putLong(MIN_ID, 1);
            context.putLong(MAX_ID, 0);
            partitions.put("partition0", context);
        }
        return partitions;
    }
}
