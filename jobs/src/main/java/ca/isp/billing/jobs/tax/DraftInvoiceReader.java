package ca.isp.billing.jobs.tax;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads the partition's DRAFT invoices of the cycle with their lines: two queries per page.
 * HELD ones are read again too: their jurisdiction may have tax rates by now (a rerun).
 */
public class DraftInvoiceReader extends KeysetPageReader<InvoiceToTax, Long> {

    /** Invoices the tax step takes: drafts, and those held earlier (a rerun releases them). */
    static final List<String> TO_TAX = List.of(InvoiceStatus.DRAFT.name(), InvoiceStatus.HELD.name());

    public DraftInvoiceReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize) {
        super((afterId, size) -> load(jdbc, minId, maxId, cycleDate, afterId, size), InvoiceToTax::invoiceId, Long.MIN_VALUE, pageSize);
    }

    private static List<InvoiceToTax> load(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate,
                                           long afterId, int size) {
        List<InvoiceToTax> page = jdbc.query("""
                SELECT i.id, a.account_number, i.language, a.service_country, a.service_region
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = :cycle AND i.status IN (:toTax) AND i.account_id BETWEEN :min AND :max
                  AND i.id > :after ORDER BY i.id LIMIT :size""",
                new MapSqlParameterSource("cycle", cycleDate).addValue("min", minId).addValue("max", maxId)
                        .addValue("after", afterId).addValue("size", size).addValue("toTax", TO_TAX),
                (rs, n) -> new InvoiceToTax(rs.getLong(1), rs.getString(2), Language.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5), List.of()));
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(page.stream().map(InvoiceToTax::invoiceId).toList());
        return page.stream().map(i -> new InvoiceToTax(i.invoiceId(), i.accountNumber(), i.language(), i.country(),
                i.region(), lines.getOrDefault(i.invoiceId(), List.of()))).toList();
    }
}
