package ca.isp.billing.readers;

import ca.isp.billing.domain.BandWindow;
import ca.isp.billing.domain.VoiceRate;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rate-bands file (import rate-bands, domain/RATES.md): the windows of the time bands of each
 * rate table. Overlapping windows and a band with two names are refused when the lines of a table
 * become its {@code TimeBands}.
 */
public final class RateBandFormat implements RowFormat<RateBandRow> {

    public static final RateBandFormat INSTANCE = new RateBandFormat();

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "rate_table", 30, "band", 20, "name_en", 40, "name_fr", 40);

    private static final List<String> COLUMNS = List.of(
            "rate_table", "band", "name_en", "name_fr", "days", "from_time", "to_time");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public RateBandRow parse(Row row) {
        String table = row.identifier("rate_table", Identifier.CODE);
        String band = RateFormat.band(row, "band");
        if (band.equals(VoiceRate.ANY)) {
            throw new FieldException("band", "ANY is any time, not a band to define: " + Row.quote(row.required("band")));
        }
        String nameEn = row.required("name_en");
        String nameFr = row.required("name_fr");
        EnumSet<DayOfWeek> days = days(row.required("days"));
        LocalTime from = time(row, "from_time", false);
        LocalTime to = time(row, "to_time", true);
        if (to != null && !to.isAfter(from)) {
            throw new FieldException("to_time", "not after from_time " + from
                    + " (a window past midnight is two lines, to 24:00 and from 00:00): " + Row.quote(row.required("to_time")));
        }
        return new RateBandRow(table, new BandWindow(band, nameEn, nameFr, days, from, to));
    }

    /** "MON-FRI", "SAT,SUN", "MON,WED-FRI": days and ranges in week order, any case. */
    static EnumSet<DayOfWeek> days(String text) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toUpperCase(Locale.ROOT).split(",", -1)) {
            String[] range = part.trim().split("-", -1);
            int first = DAY_NAMES.indexOf(range[0].trim());
            int last = range.length == 2 ? DAY_NAMES.indexOf(range[1].trim()) : first;
            if (range.length > 2 || first < 0 || last < first) {
                throw new FieldException("days", "not days like MON-FRI or SAT,SUN (MON TUE WED THU FRI SAT SUN, ranges"
                        + " in week order): " + Row.quote(text));
            }
            for (int day = first; day <= last; day++) {
                days.add(DayOfWeek.of(day + 1));
            }
        }
        return days;
    }

    /** HH:MM; "24:00" (the end of the day, null) only as an end. */
    private static LocalTime time(Row row, String column, boolean end) {
        String text = row.required(column);
        if (end && text.equals("24:00")) {
            return null;
        }
        try {
            if (TIME.matcher(text).matches()) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new FieldException(column, "not a time HH:MM from 00:00 to " + (end ? "24:00" : "23:59") + ": "
                + Row.quote(text));
    }
}
