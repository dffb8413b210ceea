package ca.isp.billing.jobs.collections;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Records late fees; uk_late_fee (invoice + policy) makes a second one impossible. */
public class LateFeeWriter implements ItemWriter<LateFeeAssessment> {

    private final NamedParameterJdbcTemplate jdbc;

    public LateFeeWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends LateFeeAssessment> chunk) {
        jdbc.batchUpdate("""
                INSERT INTO late_fee (account_id, invoice_id, policy_code, amount, assessed_on)
                VALUES (:account, :invoice, :policy, :amount, :assessedOn)""",
                chunk.getItems().stream().map(f -> new MapSqlParameterSource("account", f.accountId())
                        .addValue("invoice", f.invoiceId()).addValue("policy", f.policyCode())
                        .addValue("amount", f.amount()).addValue("assessedOn", f.assessedOn()))
                        .toArray(MapSqlParameterSource[]::new));
    }
}
