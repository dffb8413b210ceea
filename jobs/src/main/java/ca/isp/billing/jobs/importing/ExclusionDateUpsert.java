package ca.isp.billing.jobs.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.ExclusionDateFormat;
import ca.isp.billing.readers.ExclusionDateRow;

/** Exclusion dates of the collections calendar by (date, yearly); a yearly date is kept on its day of 2000. */
final class ExclusionDateUpsert extends Upsert<ExclusionDateRow> {

    private static final String INSERT = """
            INSERT INTO collections_exclusion (on_date, yearly, name) VALUES (:on_date, :yearly, :name)""";
    private static final String UPDATE = """
            UPDATE collections_exclusion SET name = :name WHERE on_date = :on_date AND yearly = :yearly""";

    ExclusionDateUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, ExclusionDateFormat.INSTANCE, "date", INSERT, UPDATE);
    }

    private static LocalDate stored(ExclusionDateRow row) {
        return row.yearly() ? row.date().withYear(2000) : row.date();
    }

    @Override
    String key(ExclusionDateRow row) {
        return stored(row) + "/" + row.yearly();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<ExclusionDateRow> rows) {
        return storedValues("SELECT on_date, yearly, name FROM collections_exclusion WHERE on_date IN (:keys)",
                rows.stream().map(ExclusionDateUpsert::stored).distinct().toList(),
                values -> date(values.get("on_date")) + "/" + yearly(values.get("yearly")));
    }

    @Override
    MapSqlParameterSource params(ExclusionDateRow row) {
        return new MapSqlParameterSource().addValue("on_date", stored(row)).addValue("yearly", row.yearly())
                .addValue("name", row.name());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static boolean yearly(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
