package ca.isp.billing.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time-of-day and weekday bands of a rate table (DAY, EVENING, WEEKEND...). Windows never
 * overlap, so a moment is in one band or in none; a call is in the band of the moment it starts,
 * for its whole length.
 */
public final class TimeBands {

    public static final TimeBands NONE = new TimeBands(List.of());

    private final List<BandWindow> windows;
    /** The first window of each band, in the order given: the order of lines on an invoice. */
    private final Map<String, BandWindow> bands = new LinkedHashMap<>();

    public TimeBands(List<BandWindow> windows) {
        this.windows = List.copyOf(windows);
        for (int i = 0; i < this.windows.size(); i++) {
            BandWindow window = this.windows.get(i);
            BandWindow first = bands.putIfAbsent(window.band(), window);
            if (first != null && (!first.nameEn().equals(window.nameEn()) || !first.nameFr().equals(window.nameFr()))) {
                throw new IllegalArgumentException("band " + window.band() + " has two names: " + first.nameEn() + "/"
                        + first.nameFr() + " and " + window.nameEn() + "/" + window.nameFr());
            }
            for (int j = 0; j < i; j++) {
                if (this.windows.get(j).overlaps(window)) {
                    throw new IllegalArgumentException("bands " + this.windows.get(j).band() + " and " + window.band()
                            + " overlap: " + describe(this.windows.get(j)) + " and " + describe(window));
                }
            }
        }
    }

    /** The band of this moment, if a window holds it. */
    public Optional<BandWindow> at(LocalDateTime moment) {
        for (BandWindow window : windows) {
            if (window.contains(moment)) {
                return Optional.of(window);
            }
        }
        return Optional.empty();
    }

    public boolean defines(String band) {
        return bands.containsKey(band);
    }

    /** Band codes in the order they were given. */
    public List<String> codes() {
        return new ArrayList<>(bands.keySet());
    }

    public String name(String band, Language language) {
        BandWindow window = bands.get(band);
        if (window == null) {
            throw new IllegalArgumentException("no band " + band);
        }
        return window.name(language);
    }

    public List<BandWindow> windows() {
        return windows;
    }

    private static String describe(BandWindow window) {
        return window.days() + " " + window.from() + "-" + (window.to() == null ? "24:00" : window.to());
    }
}
