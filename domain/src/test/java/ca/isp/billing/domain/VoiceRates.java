package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

/**
 * The rate table of the voice tests, "RES". October 2026: the 1st is a Thursday, the 3rd and 4th
 * are a weekend. Bands: DAY Mon-Fri 08:00-18:00, EVENING Mon-Fri 18:00-24:00 and 00:00-08:00,
 * WEEKEND Sat-Sun.
 *
 * <pre>
 * prefix  band     per min  incr  fee   min   included  dates
 * 1       ANY      0.0500   60/60 -     -     yes
 * 1514    DAY      0.0200   60/60 -     -     yes
 * 1514    EVENING  0.0100   60/60 -     -     yes
 * 1514    ANY      0.0150   60/60 -     -     yes
 * 1900    DAY      1.9900   60/60 0.50  -     no
 * 33      ANY      0.1200   30/6  0.15  -     no
 * 336     ANY      0.2500   30/6  0.15  0.50  no
 * 44      ANY      0.0900   1/1   -     -     no        to 2026-10-15
 * 44      ANY      0.0700   1/1   -     -     no        from 2026-10-16
 * 4420    ANY      0.0500   1/1   -     -     no        from 2026-10-20
 * 49      ANY      0.1000   60/60 -     -     no        to 2026-10-10
 * </pre>
 */
final class VoiceRates {

    static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final EnumSet<DayOfWeek> WEEKEND_DAYS = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    static final TimeBands BANDS = new TimeBands(List.of(
            new BandWindow("DAY", "Day", "Jour", WEEKDAYS, t("08:00"), t("18:00")),
            new BandWindow("EVENING", "Evening", "Soir", WEEKDAYS, t("18:00"), null),
            new BandWindow("EVENING", "Evening", "Soir", WEEKDAYS, t("00:00"), t("08:00")),
            new BandWindow("WEEKEND", "Weekend", "Fin de semaine", WEEKEND_DAYS, t("00:00"), null)));

    static final BillingIncrement SIXTY = new BillingIncrement(60, 60);
    static final BillingIncrement THIRTY_SIX = new BillingIncrement(30, 6);
    static final BillingIncrement SECOND = new BillingIncrement(1, 1);

    static final List<VoiceRate> RATES = List.of(
            rate("1", "North America", "ANY", "0.0500", SIXTY, null, null, true, null, null),
            rate("1514", "Montréal", "DAY", "0.0200", SIXTY, null, null, true, null, null),
            rate("1514", "Montréal", "EVENING", "0.0100", SIXTY, null, null, true, null, null),
            rate("1514", "Montréal", "ANY", "0.0150", SIXTY, null, null, true, null, null),
            rate("1900", "Premium", "DAY", "1.9900", SIXTY, "0.50", null, false, null, null),
            rate("33", "France", "ANY", "0.1200", THIRTY_SIX, "0.15", null, false, null, null),
            rate("336", "France mobile", "ANY", "0.2500", THIRTY_SIX, "0.15", "0.50", false, null, null),
            rate("44", "United Kingdom", "ANY", "0.0900", SECOND, null, null, false, null, "2026-10-15"),
            rate("44", "United Kingdom", "ANY", "0.0700", SECOND, null, null, false, "2026-10-16", null),
            rate("4420", "London", "ANY", "0.0500", SECOND, null, null, false, "2026-10-20", null),
            rate("49", "Germany", "ANY", "0.1000", SIXTY, null, null, false, null, "2026-10-10"));

    static final RateTable RES = new RateTable("RES", RATES, BANDS);

    private VoiceRates() {
    }

    static VoiceRate rate(String prefix, String destination, String band, String perMinute, BillingIncrement increment,
                          String fee, String minimum, boolean included, String from, String to) {
        return new VoiceRate("RES", prefix, destination, band, new BigDecimal(perMinute), increment,
                fee == null ? null : new BigDecimal(fee), minimum == null ? null : new BigDecimal(minimum), included,
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    static LocalTime t(String time) {
        return LocalTime.parse(time);
    }
}
