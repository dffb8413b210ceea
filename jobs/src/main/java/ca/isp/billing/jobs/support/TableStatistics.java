package ca.isp.billing.jobs.support;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes MySQL/MariaDB's index statistics of the tables the earlier steps of the cycle filled
 * in bulk, before a step that reads them by those columns. The server plans with the statistics
 * it had when it opened the table: taken during ingest, when no usage record had an invoice yet,
 * they said every record has the same {@code invoice_id} (NULL), and an {@code invoice_id IN (...)}
 * of a page's 200 ids (from 200 on, MariaDB estimates with those statistics instead of looking
 * into the index: {@code eq_range_index_dive_limit}) read the whole table, 3 million rows at
 * 100,000 accounts, once per page (issue 15). {@code ANALYZE TABLE} samples a few pages per
 * index: milliseconds. H2 keeps its own statistics up to date; nothing is done there.
 */
public final class TableStatistics implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    public TableStatistics(JdbcTemplate jdbc, List<String> tables) {
        this.jdbc = jdbc;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        refresh();
    }

    /** Outside any transaction (ANALYZE TABLE commits on MySQL); a refusal only slows the step down. */
    public void refresh() {
        try {
            boolean mySql = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*")));
            if (mySql) {
                long start = System.nanoTime();
                // (each table answers a result row; one failing does not stop the others)
                jdbc.queryForList("ANALYZE TABLE " + String.join(", ", tables));
                log.debug("Index statistics of {} refreshed in {} ms", tables, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (DataAccessException e) {
            log.warn("Could not refresh the index statistics of {} (the step goes on, maybe slower): {}", tables,
                    e.getMessage());
        }
    }
}
