package ca.isp.billing.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The partitions hold as many accounts each, however sparse the ids (real H2). */
class AccountRangePartitionerTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:partitioner" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE account (id BIGINT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE usage_record (id BIGINT PRIMARY KEY, status VARCHAR(10))");
    }

    @Test
    void splitsByCountNotBySpan() {
        // 21 accounts: ids 1-10, 1000-1009 and 5000 (an import that jumped the sequence)
        LongStream.rangeClosed(1, 10).forEach(id -> jdbc.update("INSERT INTO account VALUES (?)", id));
        LongStream.rangeClosed(1000, 1009).forEach(id -> jdbc.update("INSERT INTO account VALUES (?)", id));
        jdbc.update("INSERT INTO account VALUES (5000)");

        Map<String, ExecutionContext> partitions = new AccountRangePartitioner(jdbc).partition(3);

        // 21 / 3 = 7 each: rows 0-6 (ids 1-7), rows 7-13 (ids 8-10, 1000-1003), rows 14-20
        // (ids 1004-1009, 5000). Equal id spans (1-1667, 1668-3334, 3335-5000) held 20, 0 and 1.
        assertThat(partitions.keySet()).containsExactly("partition0", "partition1", "partition2");
        assertThat(range(partitions, "partition0")).containsExactly(1L, 7L);
        assertThat(range(partitions, "partition1")).containsExactly(8L, 1003L);
        assertThat(range(partitions, "partition2")).containsExactly(1004L, 5000L);
        for (String name : partitions.keySet()) {
            List<Long> r = range(partitions, name);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE id BETWEEN ? AND ?", Long.class,
                    r.get(0), r.get(1))).isEqualTo(7);
        }
    }

    @Test
    void unevenCountGivesTheFirstPartitionsOneMore() {
        // 10 accounts, ids 10, 20, ..., 100, in 4 partitions: 3, 3, 2, 2 (boundaries at rows 3, 6, 8)
        LongStream.rangeClosed(1, 10).forEach(i -> jdbc.update("INSERT INTO account VALUES (?)", i * 10));
        List<long[]> ranges = new AccountRangePartitioner(jdbc).ranges(4);
        assertThat(ranges).extracting(r -> List.of(r[0], r[1])).containsExactly(
                List.of(10L, 39L), List.of(40L, 69L), List.of(70L, 89L), List.of(90L, 100L));
    }

    @Test
    void moreStepsThanRowsAndNoRows() {
        assertThat(new AccountRangePartitioner(jdbc).ranges(2)).extracting(r -> List.of(r[0], r[1]))
                .containsExactly(List.of(1L, 0L)); // one empty partition
        jdbc.update("INSERT INTO account VALUES (42)");
        assertThat(new AccountRangePartitioner(jdbc).ranges(4)).extracting(r -> List.of(r[0], r[1]))
                .containsExactly(List.of(42L, 42L));
    }

    @Test
    void usageToRateCountsOnlyTheRecordsToRate() {
        // ids 1-6 to rate, 7-20 already rated, 21-26 to rate again: 12 to rate, 6 a partition
        for (long id = 1; id <= 26; id++) {
            String status = id <= 6 ? "NEW" : id <= 20 ? "RATED" : "UNMATCHED";
            jdbc.update("INSERT INTO usage_record VALUES (?, ?)", id, status);
        }
        List<long[]> ranges = AccountRangePartitioner.usageToRate(jdbc, List.of("NEW", "UNMATCHED", "RATING_GAP"))
                .ranges(2);
        assertThat(ranges).extracting(r -> List.of(r[0], r[1])).containsExactly(List.of(1L, 20L), List.of(21L, 26L));
    }

    private static List<Long> range(Map<String, ExecutionContext> partitions, String name) {
        ExecutionContext context = partitions.get(name);
        return List.of(context.getLong(AccountRangePartitioner.MIN_ID), context.getLong(AccountRangePartitioner.MAX_ID));
    }
}
