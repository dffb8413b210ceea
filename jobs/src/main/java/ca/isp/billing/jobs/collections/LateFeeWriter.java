package ca.isp.billing.jobs.collections;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Records late fees; uk_late_fee_period (invoice + period) makes a second fee for the same
 * period impossible, and a rerun or restart that decides it again inserts nothing.
 */
public class LateFeeWriter implements ItemWriter<LateFeeAssessment> {

    private final NamedParameterJdbcTemplate jdbc;

    public LateFeeWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends LateFeeAssessment> chunk) {
        jdbc.batchUpdate("""
                INSERT INTO late_fee (account_id, invoice_id, policy_code, period_no, amount, assessed_on)
                SELECT :account, :invoice, :policy, :period, :amount, :assessedOn FROM DUAL WHERE NOT EXISTS (
                    SELECT 1 FROM late_fee WHERE invoice_id = :invoice AND period_no = :period)""",
                chunk.getItems().stream().map(f -> new MapSqlParameterSource("account", f.accountId())
                        .addValue("invoice", f.invoiceId()).addValue("policy", f.policyCode())
                        .addValue("period", f.period()).addValue("amount", f.amount())
                        .addValue("assessedOn", f.assessedOn()))
                        .toArray(MapSqlParameterSource[]::new));
    }
}
