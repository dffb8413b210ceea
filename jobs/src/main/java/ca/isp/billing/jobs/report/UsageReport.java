package ca.isp.billing.jobs.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.domain.files.SpreadsheetCells;

/**
 * run.sh usage: one row per service identifier over the usage records that started in
 * [from, to), whatever their status (unmatched ones included: they are usage too). sessions
 * counts distinct RADIUS sessions (a session read over several runs has several records);
 * billable_minutes are the calls' started minutes; rated_amount adds the amounts the rate step
 * gave calls priced by a rate table (0.00 for the rest, which the charge step prices).
 */
@Component
public class UsageReport {

    /** The CSV header, exactly (issue 8). */
    public static final String HEADER =
            "service_id,records,sessions,upload_bytes,download_bytes,session_seconds,calls,billable_minutes,rated_amount";

    /** One service identifier's usage. */
    public record Row(String serviceId, long records, long sessions, BigDecimal uploadBytes, BigDecimal downloadBytes,
                      BigDecimal sessionSeconds, long calls, BigDecimal billableMinutes, BigDecimal ratedAmount) {
    }

    private final JdbcTemplate jdbc;

    public UsageReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> rows(LocalDate from, LocalDate to) {
        // sums are DECIMAL on H2 and MariaDB: no total overflows (see the charge step)
        return jdbc.query("""
                SELECT service_id, COUNT(*), COUNT(DISTINCT session_key),
                    COALESCE(SUM(upload_bytes), 0), COALESCE(SUM(download_bytes), 0), COALESCE(SUM(session_seconds), 0),
                    SUM(CASE WHEN usage_type = ? THEN 1 ELSE 0 END),
                    COALESCE(SUM(CASE WHEN usage_type = ? THEN billable_units ELSE 0 END), 0),
                    COALESCE(SUM(rated_amount), 0)
                FROM usage_record WHERE start_time >= ? AND start_time < ?
                GROUP BY service_id ORDER BY service_id""",
                (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9)),
                UsageType.VOICE.name(), UsageType.VOICE.name(), Timestamp.valueOf(from.atStartOfDay()),
                Timestamp.valueOf(to.atStartOfDay()));
    }

    /** CSV for people: the header above, a service id that looks like a formula neutralised. */
    public String csv(LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row r : rows(from, to)) {
            out.append(String.join(",", csvText(SpreadsheetCells.text(r.serviceId())), String.valueOf(r.records()),
                    String.valueOf(r.sessions()), whole(r.uploadBytes()), whole(r.downloadBytes()),
                    whole(r.sessionSeconds()), String.valueOf(r.calls()), whole(r.billableMinutes()),
                    money(r.ratedAmount()))).append('\n');
        }
        return out.toString();
    }

    /** Aligned columns for a terminal. */
    public String table(LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder(String.format("Usage that started from %s to %s (excluded)%n", from, to));
        out.append(String.format("%-30s %8s %8s %16s %16s %12s %6s %8s %12s%n", "service id", "records", "sessions",
                "upload bytes", "download bytes", "seconds", "calls", "minutes", "rated"));
        for (Row r : rows(from, to)) {
            out.append(String.format("%-30s %8d %8d %16s %16s %12s %6d %8s %12s%n", r.serviceId(), r.records(),
                    r.sessions(), whole(r.uploadBytes()), whole(r.downloadBytes()), whole(r.sessionSeconds()), r.calls(),
                    whole(r.billableMinutes()), money(r.ratedAmount())));
        }
        return out.toString();
    }

    private static String whole(BigDecimal value) {
        return value.toBigIntegerExact().toString();
    }

    private static String money(BigDecimal value) {
        return Money.round(value).toPlainString();
    }

    /** RFC 4180: a value with a comma or a quote is quoted ("dupont,marie" is a service id). */
    private static String csvText(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
