package ca.isp.billing.readers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The exclusion-dates file (import exclusion-dates): days no account turns delinquent or is
 * suspended. yearly = yes repeats the date's month and day every year (Canada Day); no or
 * empty is that one date (a Labour Day). Years outside 2000-2100 are typing mistakes.
 */
public final class ExclusionDateFormat implements RowFormat<ExclusionDateRow> {

    public static final ExclusionDateFormat INSTANCE = new ExclusionDateFormat();

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("name", 100);
    private static final List<String> COLUMNS = List.of("date", "yearly", "name");
    private static final List<String> REQUIRED = List.of("date", "name");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public ExclusionDateRow parse(Row row) {
        LocalDate date = row.date("date");
        if (date.getYear() < 2000 || date.getYear() > 2100) {
            throw new FieldException("date", "not a year from 2000 to 2100: " + Row.quote(row.required("date")));
        }
        boolean yearly = row.optional("yearly") != null && "yes".equals(row.oneOf("yearly", "yes", "no"));
        return new ExclusionDateRow(date, yearly, row.required("name"));
    }
}
