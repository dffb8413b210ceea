package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.LineType;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads unpaid invoices past their due date with their account's penalty class, their lines
 * summed by kind and the last fee period charged: two queries per page. Only invoices the customer
 * was sent count: let go by the review gate (cleared or released; not held, nor left unreviewed by
 * an abandoned run), or open invoices of the previous system (imported). A WRITTEN_OFF account
 * gets no fee: the agency collects it, nothing bills it again, and what reopens on it is written off.
 * A CLOSED account gets no late fee either: its final bill was its last invoice.
 */
public class OverdueInvoiceReader extends KeysetPageReader<OverdueInvoice, Long> {

    private record Head(long id, long accountId, String number, LocalDate due, BigDecimal open, BigDecimal total,
                        String penaltyClass, Integer lastPeriod) {
    }

    public OverdueInvoiceReader(NamedParameterJdbcTemplate jdbc, LocalDate asOf, int pageSize) {
        this(jdbc, Long.MIN_VALUE, Long.MAX_VALUE, asOf, pageSize);
    }

    /** The overdue invoices of the accounts from minAccountId to maxAccountId (one partition). */
    public OverdueInvoiceReader(NamedParameterJdbcTemplate jdbc, long minAccountId, long maxAccountId, LocalDate asOf,
                                int pageSize) {
        super((afterId, size) -> {
            List<Head> heads = jdbc.query("""
                    SELECT i.id, i.account_id, i.invoice_number, i.due_date, i.open_amount, v.total, a.penalty_class,
                        (SELECT MAX(f.period_no) FROM late_fee f WHERE f.invoice_id = i.id)
                    FROM open_invoice i JOIN invoice v ON v.id = i.id JOIN account a ON a.id = i.account_id
                    WHERE i.due_date < :asOf AND i.id > :after AND i.account_id BETWEEN :minAccount AND :maxAccount
                      AND (i.review_status IN ('CLEARED', 'RELEASED') OR v.origin = 'IMPORTED')
                      AND a.status NOT IN ('WRITTEN_OFF', 'CLOSED')
                    ORDER BY i.id LIMIT :size""",
                    new MapSqlParameterSource("asOf", asOf).addValue("after", afterId).addValue("size", size)
                            .addValue("minAccount", minAccountId).addValue("maxAccount", maxAccountId),
                    (rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class)));
            if (heads.isEmpty()) {
                return List.of();
            }
            Map<Long, Map<LineType, BigDecimal>> lines = new HashMap<>();
            jdbc.query("""
                    SELECT invoice_id, line_type, SUM(amount) FROM invoice_line WHERE invoice_id IN (:ids)
                    GROUP BY invoice_id, line_type""",
                    new MapSqlParameterSource("ids", heads.stream().map(Head::id).toList()),
                    rs -> {
                        lines.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(LineType.class))
                                .put(LineType.valueOf(rs.getString(2)), rs.getBigDecimal(3));
                    });
            List<OverdueInvoice> page = new ArrayList<>(heads.size());
            for (Head h : heads) {
                page.add(new OverdueInvoice(h.id(), h.accountId(), h.number(), h.due(), h.open(),
                        h.total() == null ? h.open() : h.total(), h.penaltyClass(),
                        lines.getOrDefault(h.id(), Map.of()), h.lastPeriod()));
            }
            return page;
        }, OverdueInvoice::invoiceId, Long.MIN_VALUE, pageSize);
    }
}
