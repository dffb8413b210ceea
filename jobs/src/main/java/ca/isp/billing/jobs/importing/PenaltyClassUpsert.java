package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.jobs.collections.PenaltyClasses;
import ca.isp.billing.readers.PenaltyClassFormat;
import ca.isp.billing.readers.PenaltyClassRow;

/**
 * Penalty classes by code. A changed class applies to fees assessed from then on; fees already
 * assessed keep their amount.
 */
final class PenaltyClassUpsert extends Upsert<PenaltyClassRow> {

    private static final String INSERT = """
            INSERT INTO penalty_class (code, method, percent_rate, flat_fee, minimum_fee, maximum_fee, grace_days,
                minimum_overdue, penalised_kinds, each_period)
            VALUES (:code, :method, :percent_rate, :flat_fee, :minimum_fee, :maximum_fee, :grace_days,
                :minimum_overdue, :penalised_kinds, :each_period)""";
    private static final String UPDATE = """
            UPDATE penalty_class SET method = :method, percent_rate = :percent_rate, flat_fee = :flat_fee,
                minimum_fee = :minimum_fee, maximum_fee = :maximum_fee, grace_days = :grace_days,
                minimum_overdue = :minimum_overdue, penalised_kinds = :penalised_kinds, each_period = :each_period
            WHERE code = :code""";

    PenaltyClassUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, PenaltyClassFormat.INSTANCE, "code", INSERT, UPDATE);
    }

    @Override
    String key(PenaltyClassRow row) {
        return row.penaltyClass().code();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<PenaltyClassRow> rows) {
        return storedValues("""
                SELECT code, method, percent_rate, flat_fee, minimum_fee, maximum_fee, grace_days, minimum_overdue,
                    penalised_kinds, each_period
                FROM penalty_class WHERE code IN (:keys)""", keys(rows, this::key), values -> (String) values.get("code"));
    }

    @Override
    MapSqlParameterSource params(PenaltyClassRow row) {
        PenaltyClass c = row.penaltyClass();
        return new MapSqlParameterSource()
                .addValue("code", c.code()).addValue("method", c.method().name()).addValue("percent_rate", c.percent())
                .addValue("flat_fee", c.flatFee()).addValue("minimum_fee", c.minimumFee())
                .addValue("maximum_fee", c.maximumFee()).addValue("grace_days", c.graceDays())
                .addValue("minimum_overdue", c.minimumOverdue())
                .addValue("penalised_kinds", PenaltyClasses.stored(c.penalisedKinds()))
                .addValue("each_period", c.eachPeriod());
    }
}
