package ca.isp.billing.jobs.issue;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The gapless counter of one invoice number series ({@code invoice_number_series}). It is read
 * with a row lock and moved in the issuing transaction, never by a database sequence: a
 * rolled back chunk gives its numbers back, so no number is skipped or given twice.
 */
public class InvoiceNumberSeries {

    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceNumberSeries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the next {@code count} numbers of a series and returns the first; the caller's
     * transaction holds the row until it commits.
     */
    public long take(String series, int count) {
        MapSqlParameterSource params = new MapSqlParameterSource("series", series);
        List<Long> last = jdbc.queryForList(
                "SELECT last_number FROM invoice_number_series WHERE series = :series FOR UPDATE", params, Long.class);
        long first;
        if (last.isEmpty()) {
            jdbc.update("INSERT INTO invoice_number_series (series, last_number) VALUES (:series, :count)",
                    params.addValue("count", count));
            first = 1;
        } else {
            first = last.get(0) + 1;
            jdbc.update("UPDATE invoice_number_series SET last_number = :last WHERE series = :series",
                    params.addValue("last", last.get(0) + count));
        }
        return first;
    }
}
