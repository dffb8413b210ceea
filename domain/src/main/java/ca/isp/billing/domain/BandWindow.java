package ca.isp.billing.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a time band holds: on {@code days}, from {@code from} (inclusive) to {@code to}
 * (exclusive; null: to midnight at the end of the day), in the ISP's local time. A window never
 * runs past midnight: an evening band from 18:00 to 08:00 is two windows, 18:00-24:00 and
 * 00:00-08:00. {@code nameEn}/{@code nameFr} are the band's names on invoices.
 */
public record BandWindow(String band, String nameEn, String nameFr, Set<DayOfWeek> days, LocalTime from,
                         LocalTime to) {

    public BandWindow {
        if (band == null || band.isBlank() || band.equalsIgnoreCase(VoiceRate.ANY)) {
            throw new IllegalArgumentException("a time band needs a code other than " + VoiceRate.ANY + ": " + band);
        }
        Objects.requireNonNull(nameEn, () -> "band " + band + ": name_en is required");
        Objects.requireNonNull(nameFr, () -> "band " + band + ": name_fr is required");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("band " + band + ": at least one day is required");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days)); // in week order
        Objects.requireNonNull(from, () -> "band " + band + ": from is required");
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("band " + band + ": " + from + "-" + to
                    + " does not end after it starts (past midnight: two windows)");
        }
    }

    public boolean contains(LocalDateTime moment) {
        LocalTime time = moment.toLocalTime();
        return days.contains(moment.getDayOfWeek()) && !time.isBefore(from) && (to == null || time.isBefore(to));
    }

    /** True when some moment is in both windows. */
    public boolean overlaps(BandWindow other) {
        if (days.stream().noneMatch(other.days::contains)) {
            return false;
        }
        boolean startsBeforeOtherEnds = other.to == null || from.isBefore(other.to);
        boolean otherStartsBeforeThisEnds = to == null || other.from.isBefore(to);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }
}
