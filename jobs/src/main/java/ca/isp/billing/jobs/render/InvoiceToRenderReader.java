package ca.isp.billing.jobs.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.jobs.support.KeysetPageReader;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * Reads the partition's issued invoices of the cycle that have no PDF yet and that the review
 * gate cleared (or an operator released): an invoice held for review is not rendered, so it is
 * not handed over either. Three queries per page.
 */
public class InvoiceToRenderReader extends KeysetPageReader<InvoiceToRender, Long> {

    public InvoiceToRenderReader(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents, long minId,
                                 long maxId, LocalDate cycleDate, int pageSize) {
        this(jdbc, documents, minId, maxId, cycleDate, pageSize, InvoiceScope.of(null));
    }

    /** The invoices of the scope: the cycle's, or one account's quote invoices (invoice-now). */
    public InvoiceToRenderReader(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents, long minId,
                                 long maxId, LocalDate cycleDate, int pageSize, InvoiceScope scope) {
        super((afterId, size) -> load(jdbc, documents, minId, maxId, cycleDate, afterId, size, scope),
                InvoiceToRender::invoiceId, Long.MIN_VALUE, pageSize);
    }

    private static List<InvoiceToRender> load(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents,
                                              long minId, long maxId, LocalDate cycleDate, long afterId, int size,
                                              InvoiceScope scope) {
        List<Long> ids = jdbc.queryForList("""
                SELECT i.id FROM invoice i WHERE i.cycle_date = :cycle AND i.status = :issued AND i.rendered_at IS NULL
                  AND i.review_status IN ('CLEARED', 'RELEASED') AND """ + scope.sql("i") + """
                  AND i.account_id BETWEEN :min AND :max AND i.id > :after ORDER BY i.id LIMIT :size""",
                scope.bind(new MapSqlParameterSource("cycle", cycleDate).addValue("min", minId).addValue("max", maxId)
                        .addValue("after", afterId).addValue("size", size)
                        .addValue("issued", InvoiceStatus.ISSUED.name())),
                Long.class);
        Map<Long, InvoiceDocument> loaded = documents.load(ids);
        return ids.stream().map(id -> new InvoiceToRender(id, loaded.get(id))).toList();
    }
}
