package ca.isp.billing.jobs.collections;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.jobs.support.KeysetPageReader;

/** Reads unpaid invoices past their due date that this fee policy has not charged yet. */
public class OverdueInvoiceReader extends KeysetPageReader<OverdueInvoice, Long> {

    public OverdueInvoiceReader(NamedParameterJdbcTemplate jdbc, LocalDate asOf, String policyCode, int pageSize) {
        super((afterId, size) -> jdbc.query("""
                SELECT i.id, i.account_id, i.invoice_number, i.due_date, i.open_amount FROM open_invoice i
                WHERE i.due_date < :asOf AND i.id > :after AND COALESCE(i.review_status, '') <> 'HELD'
                  AND NOT EXISTS (SELECT 1 FROM late_fee f WHERE f.invoice_id = i.id AND f.policy_code = :policy)
                ORDER BY i.id LIMIT :size""",
                new MapSqlParameterSource("asOf", asOf).addValue("policy", policyCode).addValue("after", afterId)
                        .addValue("size", size),
                (rs, n) -> new OverdueInvoice(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5))), OverdueInvoice::invoiceId, Long.MIN_VALUE, pageSize);
    }
}
