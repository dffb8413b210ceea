package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.VoiceRate;
import ca.isp.billing.readers.RateFormat;

/**
 * Voice rates by (rate_table, prefix, band, effective_from), an empty effective_from counting as
 * one value (effective_key ''). The checks that need a whole table (two rates in effect on a
 * common day, a band the table does not define) are made when the rate step loads the tables
 * (RateTable.tables), which refuses the table, naming it.
 */
final class RateUpsert extends Upsert<VoiceRate> {

    private static final String INSERT = """
            INSERT INTO voice_rate (rate_table, prefix, band, effective_key, destination, per_minute, first_increment,
                next_increment, connection_fee, minimum_charge, uses_included, effective_from, effective_to)
            VALUES (:rate_table, :prefix, :band, :effective_key, :destination, :per_minute, :first_increment,
                :next_increment, :connection_fee, :minimum_charge, :uses_included, :effective_from, :effective_to)""";
    private static final String UPDATE = """
            UPDATE voice_rate SET destination = :destination, per_minute = :per_minute,
                first_increment = :first_increment, next_increment = :next_increment, connection_fee = :connection_fee,
                minimum_charge = :minimum_charge, uses_included = :uses_included, effective_from = :effective_from,
                effective_to = :effective_to
            WHERE rate_table = :rate_table AND prefix = :prefix AND band = :band AND effective_key = :effective_key""";

    RateUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, RateFormat.within(dates), "prefix", INSERT, UPDATE);
    }

    @Override
    String key(VoiceRate rate) {
        return rate.table() + "/" + rate.prefix() + "/" + rate.band() + "/" + effectiveKey(rate);
    }

    private static String effectiveKey(VoiceRate rate) {
        return rate.effectiveFrom() == null ? "" : rate.effectiveFrom().toString();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<VoiceRate> rows) {
        return storedValues("""
                SELECT rate_table, prefix, band, effective_key, destination, per_minute, first_increment, next_increment,
                    connection_fee, minimum_charge, uses_included, effective_from, effective_to
                FROM voice_rate WHERE rate_table IN (:keys)""",
                keys(rows, VoiceRate::table),
                values -> values.get("rate_table") + "/" + values.get("prefix") + "/" + values.get("band") + "/"
                        + values.get("effective_key"));
    }

    @Override
    MapSqlParameterSource params(VoiceRate rate) {
        return new MapSqlParameterSource()
                .addValue("rate_table", rate.table()).addValue("prefix", rate.prefix()).addValue("band", rate.band())
                .addValue("effective_key", effectiveKey(rate)).addValue("destination", rate.destination())
                .addValue("per_minute", rate.perMinute())
                .addValue("first_increment", rate.increment().firstSeconds())
                .addValue("next_increment", rate.increment().nextSeconds())
                .addValue("connection_fee", rate.connectionFee()).addValue("minimum_charge", rate.minimumCharge())
                .addValue("uses_included", rate.usesIncluded() ? 1 : 0)
                .addValue("effective_from", rate.effectiveFrom()).addValue("effective_to", rate.effectiveTo());
    }
}
