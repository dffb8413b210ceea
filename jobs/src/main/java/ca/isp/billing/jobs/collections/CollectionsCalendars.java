package ca.isp.billing.jobs.collections;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.CollectionsCalendar;

/** The collections calendar: the allowed weekdays from the settings, the imported exclusion dates. */
public final class CollectionsCalendars {

    private CollectionsCalendars() {
    }

    public static CollectionsCalendar load(JdbcTemplate jdbc, Set<DayOfWeek> allowedDays) {
        Set<LocalDate> oneOff = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        jdbc.query("SELECT on_date, yearly FROM collections_exclusion", rs -> {
            LocalDate date = rs.getObject(1, LocalDate.class);
            if (rs.getBoolean(2)) {
                yearly.add(MonthDay.from(date));
            } else {
                oneOff.add(date);
            }
        });
        return new CollectionsCalendar(allowedDays, oneOff, yearly);
    }
}
