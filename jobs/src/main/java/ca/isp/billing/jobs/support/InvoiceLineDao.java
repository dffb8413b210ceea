package ca.isp.billing.jobs.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.LineType;

/** Reads and writes invoice lines in bulk: one query for a whole chunk of invoices. */
public class InvoiceLineDao {

    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceLineDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends lines to an invoice, numbering them after {@code firstLineNo - 1}. */
    public void addAll(Map<Long, List<InvoiceLine>> linesByInvoice, Map<Long, Integer> firstLineNo) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        linesByInvoice.forEach((invoiceId, lines) -> {
            int no = firstLineNo.getOrDefault(invoiceId, 1);
            for (InvoiceLine line : lines) {
                rows.add(new MapSqlParameterSource()
                        .addValue("invoice", invoiceId).addValue("no", no++).addValue("type", line.type().name())
                        .addValue("key", line.lineKey()).addValue("description", line.description())
                        .addValue("reason", line.reason()).addValue("start", line.periodStart())
                        .addValue("end", line.periodEnd()).addValue("quantity", line.quantity())
                        .addValue("unit", line.unit()).addValue("unitPrice", line.unitPrice())
                        .addValue("amount", line.amount()));
            }
        });
        jdbc.batchUpdate("""
                INSERT INTO invoice_line (invoice_id, line_no, line_type, line_key, description, reason, period_start,
                    period_end, quantity, unit, unit_price, amount)
                VALUES (:invoice, :no, :type, :key, :description, :reason, :start, :end, :quantity, :unit,
                    :unitPrice, :amount)""", rows.toArray(MapSqlParameterSource[]::new));
    }

    /** The lines of each invoice, in line order. */
    public Map<Long, List<InvoiceLine>> linesOf(Collection<Long> invoiceIds) {
        Map<Long, List<InvoiceLine>> lines = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return lines;
        }
        jdbc.query("""
                SELECT invoice_id, line_type, line_key, description, reason, period_start, period_end, quantity, unit,
                    unit_price, amount FROM invoice_line WHERE invoice_id IN (:ids) ORDER BY invoice_id, line_no""",
                new MapSqlParameterSource("ids", invoiceIds), rs -> {
                    lines.computeIfAbsent(rs.getLong("invoice_id"), id -> new ArrayList<>()).add(new InvoiceLine(
                            LineType.valueOf(rs.getString("line_type")), rs.getString("line_key"),
                            rs.getString("description"), rs.getString("reason"),
                            rs.getObject("period_start", java.time.LocalDate.class),
                            rs.getObject("period_end", java.time.LocalDate.class),
                            rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("unit_price"),
                            rs.getBigDecimal("amount")));
                });
        return lines;
    }
}
