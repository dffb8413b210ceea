package ca.isp.billing.jobs.importing;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.RateBandFormat;
import ca.isp.billing.readers.RateBandRow;

/**
 * Time-band windows of rate tables by (rate_table, band, days, from_time). Windows that overlap
 * are refused when the rate step puts a table together (TimeBands), naming both.
 */
final class RateBandUpsert extends Upsert<RateBandRow> {

    private static final String INSERT = """
            INSERT INTO rate_band (rate_table, band, name_en, name_fr, days, from_time, to_time)
            VALUES (:rate_table, :band, :name_en, :name_fr, :days, :from_time, :to_time)""";
    private static final String UPDATE = """
            UPDATE rate_band SET name_en = :name_en, name_fr = :name_fr, to_time = :to_time
            WHERE rate_table = :rate_table AND band = :band AND days = :days AND from_time = :from_time""";

    RateBandUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, RateBandFormat.INSTANCE, "band", INSERT, UPDATE);
    }

    /** The days as stored: their names in week order, MONDAY,FRIDAY. */
    static String days(RateBandRow row) {
        return row.window().days().stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    @Override
    String key(RateBandRow row) {
        return row.rateTable() + "/" + row.window().band() + "/" + days(row) + "/" + row.window().from();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<RateBandRow> rows) {
        return storedValues("""
                SELECT rate_table, band, name_en, name_fr, days, from_time, to_time FROM rate_band
                WHERE rate_table IN (:keys)""", keys(rows, RateBandRow::rateTable),
                values -> values.get("rate_table") + "/" + values.get("band") + "/" + values.get("days") + "/"
                        + values.get("from_time"));
    }

    @Override
    MapSqlParameterSource params(RateBandRow row) {
        return new MapSqlParameterSource()
                .addValue("rate_table", row.rateTable()).addValue("band", row.window().band())
                .addValue("name_en", row.window().nameEn()).addValue("name_fr", row.window().nameFr())
                .addValue("days", days(row)).addValue("from_time", row.window().from().toString())
                .addValue("to_time", row.window().to() == null ? null : row.window().to().toString());
    }
}
