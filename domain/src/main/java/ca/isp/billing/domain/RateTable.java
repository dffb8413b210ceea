package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rate table: the voice rates a plan's calls are priced with, by destination prefix, time band
 * and dates, and the table's time bands. Checked when built: every rate is of this table, its band
 * is {@link VoiceRate#ANY} or one of the table's bands, and no two rates of the same prefix and
 * band are in effect on the same day (so a call never has two prices).
 */
public final class RateTable {

    private final String code;
    private final TimeBands bands;
    private final Map<String, List<VoiceRate>> byPrefix = new HashMap<>();
    private final int longestPrefix;
    private final int size;

    public RateTable(String code, List<VoiceRate> rates, TimeBands bands) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a rate table needs a code");
        }
        this.code = code;
        this.bands = Objects.requireNonNull(bands, "bands");
        int longest = 0;
        for (VoiceRate rate : rates) {
            if (!rate.table().equals(code)) {
                throw new IllegalArgumentException("rate " + rate.describe() + " is of table " + rate.table() + ", not "
                        + code);
            }
            if (!rate.band().equals(VoiceRate.ANY) && !bands.defines(rate.band())) {
                throw new IllegalArgumentException("table " + code + ", prefix " + rate.prefix() + ": band " + rate.band()
                        + " is not a band of the table (" + String.join(", ", bands.codes()) + ", or " + VoiceRate.ANY
                        + ")");
            }
            List<VoiceRate> same = byPrefix.computeIfAbsent(rate.prefix(), prefix -> new ArrayList<>());
            for (VoiceRate other : same) {
                if (other.band().equals(rate.band()) && other.overlaps(rate)) {
                    throw new IllegalArgumentException("table " + code + ", prefix " + rate.prefix() + ", band "
                            + rate.band() + ": two rates in effect on the same days (" + dates(other) + " and "
                            + dates(rate) + ")");
                }
            }
            same.add(rate);
            longest = Math.max(longest, rate.prefix().length());
        }
        this.longestPrefix = longest;
        this.size = rates.size();
    }

    /**
     * Every table of a rates file and a rate-bands file, by code: each table's rates with its
     * bands' windows (a table with bands and no rates yet is a table with no rates). Refuses, naming
     * the table, what {@link #RateTable} refuses.
     */
    public static Map<String, RateTable> tables(List<VoiceRate> rates, Map<String, List<BandWindow>> windowsByTable) {
        Map<String, List<VoiceRate>> ratesByTable = new TreeMap<>();
        for (String code : windowsByTable.keySet()) {
            ratesByTable.put(code, new ArrayList<>());
        }
        for (VoiceRate rate : rates) {
            ratesByTable.computeIfAbsent(rate.table(), code -> new ArrayList<>()).add(rate);
        }
        Map<String, RateTable> tables = new TreeMap<>();
        for (Map.Entry<String, List<VoiceRate>> table : ratesByTable.entrySet()) {
            TimeBands bands;
            try {
                bands = new TimeBands(windowsByTable.getOrDefault(table.getKey(), List.of()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("table " + table.getKey() + ": " + e.getMessage(), e);
            }
            tables.put(table.getKey(), new RateTable(table.getKey(), table.getValue(), bands));
        }
        return tables;
    }

    public String code() {
        return code;
    }

    public TimeBands bands() {
        return bands;
    }

    public int size() {
        return size;
    }

    /** The length of the longest prefix: where a lookup starts. */
    int longestPrefix() {
        return longestPrefix;
    }

    /** The rates of exactly this prefix in effect on {@code date}, any band. */
    List<VoiceRate> ratesOn(String prefix, LocalDate date) {
        List<VoiceRate> all = byPrefix.get(prefix);
        if (all == null) {
            return List.of();
        }
        List<VoiceRate> effective = new ArrayList<>(all.size());
        for (VoiceRate rate : all) {
            if (rate.isEffectiveOn(date)) {
                effective.add(rate);
            }
        }
        return effective;
    }

    private static String dates(VoiceRate rate) {
        return (rate.effectiveFrom() == null ? "always" : rate.effectiveFrom()) + ".."
                + (rate.effectiveTo() == null ? "on" : rate.effectiveTo());
    }
}
