package ca.isp.billing.jobs.rate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;


/** Stores the rating of a chunk of usage records in one batch. */
public class RatedUsageWriter implements ItemWriter<RatedUsage> {

    private final NamedParameterJdbcTemplate jdbc;

    public RatedUsageWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends RatedUsage> chunk) {
        jdbc.batchUpdate("""
                UPDATE usage_record SET status = :status, subscription_id = :subscription, account_id = :account,
                    billable_units = :units, rated_amount = :amount, rate_band = :band, rating_note = :note
                WHERE id = :id AND status IN (:toRate)""",
                chunk.getItems().stream().map(r -> new MapSqlParameterSource()
                        .addValue("status", r.status().name()).addValue("toRate", UsageToRateReader.TO_RATE).addValue("subscription", r.subscriptionId())
                        .addValue("account", r.accountId()).addValue("units", r.billableUnits())
                        .addValue("amount", r.ratedAmount()).addValue("band", r.rateBand()).addValue("note", r.ratingNote())
                        .addValue("id", r.id())).toArray(MapSqlParameterSource[]::new));
    }
}
