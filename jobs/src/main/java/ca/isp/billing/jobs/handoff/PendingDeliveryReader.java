package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.jobs.support.KeysetPageReader;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * Reads the partition's outbox rows not handed over yet for the cycle's rendered invoices:
 * PENDING, and FAILED or ATTENTION before (tried again: the cause may have been fixed). A row
 * handed over is SENT, so a restart never hands an invoice over twice. An email goes to the
 * account's address as it is now (corrected after a refusal), or as issued if it has none. An
 * email that bounced ({@link BounceMailbox}) is tried again only once that address has changed:
 * the same address would bounce again.
 */
public class PendingDeliveryReader extends KeysetPageReader<DeliveryToSend, Long> {

    public PendingDeliveryReader(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents, long minId,
                                 long maxId, LocalDate cycleDate, int pageSize) {
        this(jdbc, documents, minId, maxId, cycleDate, pageSize, InvoiceScope.of(null));
    }

    /** The deliveries of the scope's invoices: the cycle's, or one account's quote invoices (invoice-now). */
    public PendingDeliveryReader(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents, long minId,
                                 long maxId, LocalDate cycleDate, int pageSize, InvoiceScope scope) {
        super((afterId, size) -> load(jdbc, documents, minId, maxId, cycleDate, afterId, size, scope),
                DeliveryToSend::deliveryId, Long.MIN_VALUE, pageSize);
    }

    /** Rows the handoff takes: not sent yet, and those that failed or were refused before (tried again). */
    private static final List<String> TO_SEND = List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(),
            DeliveryStatus.ATTENTION.name());

    private record Pending(long id, long invoiceId, DeliveryChannel channel, String key, String destination,
                           Address billingAddress, String pdf, LocalDateTime renderedAt) {
    }

    private static List<DeliveryToSend> load(NamedParameterJdbcTemplate jdbc, InvoiceDocumentLoader documents,
                                             long minId, long maxId, LocalDate cycleDate, long afterId, int size,
                                             InvoiceScope scope) {
        List<Pending> pending = jdbc.query("""
                SELECT d.id, d.invoice_id, d.channel, d.idempotency_key,
                    CASE WHEN d.channel = :email THEN COALESCE(a.email, d.destination) ELSE d.destination END, i.pdf_path,
                    a.billing_line1, a.billing_line2, a.billing_city, a.billing_region, a.billing_postal_code,
                    a.billing_country, i.rendered_at
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id JOIN account a ON a.id = d.account_id
                WHERE i.cycle_date = :cycle AND d.status IN (:toSend) AND i.rendered_at IS NOT NULL AND """ + scope.sql("i")
                + """
                  AND (d.bounced_at IS NULL OR COALESCE(a.email, d.destination) <> d.destination)
                  AND d.account_id BETWEEN :min AND :max AND d.id > :after ORDER BY d.id LIMIT :size""",
                scope.bind(new MapSqlParameterSource("cycle", cycleDate).addValue("min", minId).addValue("max", maxId)
                        .addValue("after", afterId).addValue("size", size).addValue("toSend", TO_SEND)
                        .addValue("email", DeliveryChannel.EMAIL.name())),
                (rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), DeliveryChannel.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), new Address(rs.getString(7), rs.getString(8), rs.getString(9), null,
                                rs.getString(10), rs.getString(11), rs.getString(12)), rs.getString(6),
                        rs.getTimestamp(13).toLocalDateTime()));
        Map<Long, InvoiceDocument> loaded = documents.load(pending.stream().map(Pending::invoiceId).distinct().toList());
        return pending.stream().map(p -> new DeliveryToSend(p.id(), p.channel(), p.key(), p.destination(),
                p.billingAddress(), Path.of(p.pdf()), p.renderedAt(), loaded.get(p.invoiceId()))).toList();
    }
}
