package ca.isp.billing.jobs.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.review.ReviewedInvoice;
import ca.isp.billing.jobs.support.InvoiceScope;

/**
 * Loads what the review gate compares: invoices as {@link ReviewedInvoice}s (totals, term, taxes
 * from the tax register, usage from the records they billed), the accounts' earlier invoices,
 * and the dated changes of the tax tables. A few queries per page of invoices.
 */
class ReviewFiguresLoader {

    /**
     * An invoice with the account it belongs to and its source: CYCLE, QUOTE:... (invoice-now) or
     * FINAL (close-account).
     */
    record Loaded(long id, long accountId, ReviewedInvoice invoice, String source) {

        /** Made by invoice-now for a quote: it meets the ceilings only (InvoiceReview.reviewQuoteInvoice). */
        boolean quote() {
            return source.startsWith("QUOTE:");
        }

        /** Made by a billing cycle: the cycle-wide revenue findings apply to it. */
        boolean cycle() {
            return InvoiceScope.CYCLE.equals(source);
        }
    }

    /** A start or end of a tax rate in force: a known, dated change of the tax. */
    private record RateChange(String taxCode, LocalDate day) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final List<RateChange> rateChanges;

    ReviewFiguresLoader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // effective_from 1970-01-01 is "since always" (V11), not a change
        this.rateChanges = new ArrayList<>();
        jdbc.query("SELECT tax_code, effective_from, effective_to FROM tax_rate", rs -> {
            LocalDate from = rs.getObject(2, LocalDate.class);
            if (from.getYear() > 1970) {
                rateChanges.add(new RateChange(rs.getString(1), from));
            }
            LocalDate to = rs.getObject(3, LocalDate.class);
            if (to != null) {
                rateChanges.add(new RateChange(rs.getString(1), to.plusDays(1)));
            }
        });
    }

    /** The invoices of these ids (any status), in the order of the ids. */
    List<Loaded> invoices(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("i.id IN (:ids)", new MapSqlParameterSource("ids", ids));
    }

    /**
     * The earlier invoices of these accounts that count as history: cycle invoices (not quote
     * invoices: one-off work, other taxes, other totals), billed, issued, cleared or released (not
     * held, not voided), before the cycle, newest first, per account.
     */
    Map<Long, List<ReviewedInvoice>> history(Set<Long> accountIds, LocalDate cycleDate) {
        Map<Long, List<ReviewedInvoice>> history = new HashMap<>();
        if (accountIds.isEmpty()) {
            return history;
        }
        for (Loaded past : load("""
                i.account_id IN (:accounts) AND i.origin = 'BILLED' AND i.status = 'ISSUED'
                  AND i.review_status IN ('CLEARED', 'RELEASED') AND i.cycle_date < :cycle AND i.source = :cycleSource""",
                new MapSqlParameterSource("accounts", accountIds).addValue("cycle", cycleDate)
                        .addValue("cycleSource", InvoiceScope.CYCLE))) {
            history.computeIfAbsent(past.accountId(), k -> new ArrayList<>()).add(past.invoice());
        }
        history.values().forEach(list -> list.sort((a, b) -> b.invoiceDate().compareTo(a.invoiceDate())));
        return history;
    }

    /** The tax codes whose rates start or end in force after {@code before} and on or before {@code after}. */
    Set<String> redatedTaxes(LocalDate before, LocalDate after) {
        Set<String> codes = new HashSet<>();
        for (RateChange change : rateChanges) {
            if (change.day().isAfter(before) && !change.day().isAfter(after)) {
                codes.add(change.taxCode());
            }
        }
        return codes;
    }

    private List<Loaded> load(String where, MapSqlParameterSource params) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.id, i.account_id, i.invoice_number, i.invoice_date, i.currency, i.period_start, i.period_end,
                    i.subtotal, i.tax_total, i.total, i.source FROM invoice i WHERE\s""" + where + " ORDER BY i.id", params, rs -> {
            rows.put(rs.getLong(1), new Object[]{rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                    rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                    rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                    rs.getString(11)});
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", rows.keySet());
        Map<Long, Map<String, BigDecimal>> taxes = new HashMap<>();
        Map<Long, Set<String>> exempt = new HashMap<>();
        // a tax that applied to nothing (no base, no certificate) was not charged
        jdbc.query("""
                SELECT invoice_id, tax_code, rate, exemption FROM tax_line WHERE invoice_id IN (:ids)
                  AND (taxable_base <> 0 OR exemption IS NOT NULL)""", ids, rs -> {
            if (rs.getString(4) != null) {
                exempt.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            } else {
                taxes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
            }
        });
        Map<Long, Map<String, BigDecimal>> usage = new HashMap<>();
        jdbc.query("""
                SELECT invoice_id, usage_type, SUM(billable_units) FROM usage_record WHERE invoice_id IN (:ids)
                GROUP BY invoice_id, usage_type""", ids, rs -> {
            usage.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
        });
        List<Loaded> loaded = new ArrayList<>(rows.size());
        rows.forEach((id, r) -> loaded.add(new Loaded(id, (Long) r[0], new ReviewedInvoice((String) r[1],
                (LocalDate) r[2], (String) r[3], ReviewedInvoice.termMonths((LocalDate) r[4], (LocalDate) r[5]),
                (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], usage.getOrDefault(id, Map.of()),
                taxes.getOrDefault(id, Map.of()), exempt.getOrDefault(id, Set.of())), (String) r[9])));
        return loaded;
    }
}
