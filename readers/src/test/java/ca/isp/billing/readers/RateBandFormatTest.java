package ca.isp.billing.readers;

import ca.isp.billing.domain.BandWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.readOne;
import static ca.isp.billing.readers.TestFiles.write;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RateBandFormatTest {

    private static final TestRecord DAY = TestRecord.of(
            "rate_table", "RES",
            "band", "DAY",
            "name_en", "Day",
            "name_fr", "Jour",
            "days", "MON-FRI",
            "from_time", "08:00",
            "to_time", "18:00");

    @TempDir
    Path dir;

    @Test
    void readsTheWindowsOfATablesBands() throws IOException {
        Path file = write(dir, "rate-bands.csv", "rate_table,band,name_en,name_fr,days,from_time,to_time",
                "RES,DAY,Day,Jour,MON-FRI,08:00,18:00",
                "RES,evening,Evening,Soir,mon-fri,18:00,24:00",
                "RES,EVENING,Evening,Soir,MON-FRI,00:00,08:00",
                "RES,WEEKEND,Weekend,Fin de semaine,\"SAT,SUN\",00:00,24:00",
                "RES,ODD,Odd,Impair,\"MON, WED-FRI\",12:00,13:00");

        List<RateBandRow> rows = readAll(file, RateBandFormat.INSTANCE).stream().map(TestFiles::ok).toList();

        EnumSet<DayOfWeek> weekdays = EnumSet.range(MONDAY, FRIDAY);
        assertThat(rows).containsExactly(
                new RateBandRow("RES", new BandWindow("DAY", "Day", "Jour", weekdays, t("08:00"), t("18:00"))),
                new RateBandRow("RES", new BandWindow("EVENING", "Evening", "Soir", weekdays, t("18:00"), null)),
                new RateBandRow("RES", new BandWindow("EVENING", "Evening", "Soir", weekdays, t("00:00"), t("08:00"))),
                new RateBandRow("RES", new BandWindow("WEEKEND", "Weekend", "Fin de semaine", EnumSet.of(SATURDAY, SUNDAY),
                        t("00:00"), null)),
                new RateBandRow("RES", new BandWindow("ODD", "Odd", "Impair", EnumSet.of(MONDAY, WEDNESDAY,
                        DayOfWeek.THURSDAY, FRIDAY), t("12:00"), t("13:00"))));
    }

    static Stream<Arguments> rejections() {
        String days = "not days like MON-FRI or SAT,SUN (MON TUE WED THU FRI SAT SUN, ranges in week order): ";
        return Stream.of(
                arguments("band", "any", "ANY is any time, not a band to define: 'any'"),
                arguments("name_fr", "", "required but empty"),
                arguments("days", "FRI-MON", days + "'FRI-MON'"),
                arguments("days", "Monday", days + "'Monday'"),
                arguments("days", "MON-", days + "'MON-'"),
                arguments("from_time", "8:00", "not a time HH:MM from 00:00 to 23:59: '8:00'"),
                arguments("from_time", "24:00", "not a time HH:MM from 00:00 to 23:59: '24:00'"),
                arguments("to_time", "25:00", "not a time HH:MM from 00:00 to 24:00: '25:00'"),
                arguments("to_time", "08:00", "not after from_time 08:00 (a window past midnight is two lines, "
                        + "to 24:00 and from 00:00): '08:00'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, RateBandFormat.INSTANCE, DAY.with(column, value)), column, reason);
    }

    private static LocalTime t(String time) {
        return LocalTime.parse(time);
    }
}
