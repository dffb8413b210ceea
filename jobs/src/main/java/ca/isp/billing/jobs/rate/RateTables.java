package ca.isp.billing.jobs.rate;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.BandWindow;
import ca.isp.billing.domain.BillingIncrement;
import ca.isp.billing.domain.RateTable;
import ca.isp.billing.domain.VoiceRate;

/**
 * The rate tables of calls (voice_rate, rate_band), loaded once when the rate step starts, so an
 * import made before a rerun or a rerate counts. A plan's calls are rated with the table whose
 * code is the plan's code; a plan with no table keeps today's rating (started minutes at the
 * plan's price per minute, in the charge step). A table the domain refuses (two rates of a
 * prefix and band in effect on a common day, a band it does not define, overlapping windows)
 * prices nothing: its calls are rating gaps naming why.
 */
public final class RateTables {

    private final Map<String, RateTable> tables;
    private final Map<String, String> refused;

    private RateTables(Map<String, RateTable> tables, Map<String, String> refused) {
        this.tables = tables;
        this.refused = refused;
    }

    public static RateTables load(JdbcTemplate jdbc) {
        Map<String, List<VoiceRate>> rates = new TreeMap<>();
        jdbc.query("""
                SELECT rate_table, prefix, destination, band, per_minute, first_increment, next_increment, connection_fee,
                    minimum_charge, uses_included, effective_from, effective_to FROM voice_rate""", rs -> {
            Date from = rs.getDate("effective_from");
            Date to = rs.getDate("effective_to");
            rates.computeIfAbsent(rs.getString("rate_table"), t -> new ArrayList<>()).add(new VoiceRate(
                    rs.getString("rate_table"), rs.getString("prefix"), rs.getString("destination"), rs.getString("band"),
                    rs.getBigDecimal("per_minute"),
                    new BillingIncrement(rs.getInt("first_increment"), rs.getInt("next_increment")),
                    rs.getBigDecimal("connection_fee"), rs.getBigDecimal("minimum_charge"), rs.getInt("uses_included") == 1,
                    from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate()));
        });
        Map<String, List<BandWindow>> windows = new HashMap<>();
        jdbc.query("SELECT rate_table, band, name_en, name_fr, days, from_time, to_time FROM rate_band", rs -> {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            Arrays.stream(rs.getString("days").split(",")).map(DayOfWeek::valueOf).forEach(days::add);
            String to = rs.getString("to_time");
            windows.computeIfAbsent(rs.getString("rate_table"), t -> new ArrayList<>()).add(new BandWindow(
                    rs.getString("band"), rs.getString("name_en"), rs.getString("name_fr"), days,
                    LocalTime.parse(rs.getString("from_time")), to == null ? null : LocalTime.parse(to)));
        });
        Map<String, RateTable> tables = new HashMap<>();
        Map<String, String> refused = new HashMap<>();
        for (String code : rates.keySet()) {
            try {
                tables.putAll(RateTable.tables(rates.get(code), Map.of(code, windows.getOrDefault(code, List.of()))));
            } catch (IllegalArgumentException e) {
                refused.put(code, e.getMessage());
            }
        }
        return new RateTables(tables, refused);
    }

    /** Whether the plan's calls are rated with a table (one was imported under its code). */
    public boolean has(String planCode) {
        return tables.containsKey(planCode) || refused.containsKey(planCode);
    }

    /** The plan's table, or null when it was refused (see {@link #refusal}). */
    public RateTable of(String planCode) {
        return tables.get(planCode);
    }

    public String refusal(String planCode) {
        return refused.get(planCode);
    }
}
