package ca.isp.billing.jobs.collections;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Records late fees with a plain batched INSERT of the values the processor computed;
 * uk_late_fee_period (invoice + period) makes a second fee for the same period impossible, and
 * the fees already on record for the chunk's invoices (one query) are left out, so a rerun or
 * restart that decides them again inserts nothing.
 *
 * <p>Not INSERT ... SELECT ... WHERE NOT EXISTS: on InnoDB that is a "bulk insert" taking the
 * table's AUTO-INC lock until the statement ends, after the shared gap locks of its NOT EXISTS,
 * and two partitions doing so at once deadlocked (MariaDB error 1467). A plain INSERT ... VALUES
 * takes only a row's auto-increment value and insert-intention locks, which do not conflict.
 */
public class LateFeeWriter implements ItemWriter<LateFeeAssessment> {

    private final NamedParameterJdbcTemplate jdbc;

    public LateFeeWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends LateFeeAssessment> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> recorded = new HashSet<>(jdbc.query(
                "SELECT invoice_id, period_no FROM late_fee WHERE invoice_id IN (:ids)",
                new MapSqlParameterSource("ids", chunk.getItems().stream().map(LateFeeAssessment::invoiceId)
                        .distinct().toList()),
                (rs, n) -> key(rs.getLong(1), rs.getInt(2))));
        List<MapSqlParameterSource> rows = chunk.getItems().stream()
                .filter(f -> recorded.add(key(f.invoiceId(), f.period())))
                .map(f -> new MapSqlParameterSource("account", f.accountId())
                        .addValue("invoice", f.invoiceId()).addValue("policy", f.policyCode())
                        .addValue("period", f.period()).addValue("amount", f.amount())
                        .addValue("assessedOn", f.assessedOn()))
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO late_fee (account_id, invoice_id, policy_code, period_no, amount, assessed_on)
                    VALUES (:account, :invoice, :policy, :period, :amount, :assessedOn)""",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static String key(long invoiceId, int period) {
        return invoiceId + "/" + period;
    }
}
