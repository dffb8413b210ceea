package ca.isp.billing.jobs.render;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.InvoiceDocument;
import ca.isp.billing.writers.InvoiceRenderer;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * {@code run.sh rerender}: draws an issued invoice's PDF again from what the database holds (its
 * lines, totals, statement: the render step's own loader and engine), for a working copy lost or
 * damaged. Numbers and amounts are read, never changed; the new file replaces the old one
 * atomically and its SHA-256 is recorded. An invoice already sent by letter is refused unless
 * forced: the printed letter is what the customer has, and a template edited since would make the
 * copy differ from it (an email keeps its attachment, so it does not count).
 */
@Component
public class InvoiceRerender {

    /** What was drawn again, and what was refused with its reason. */
    public record Outcome(List<String> rerendered, List<String> refused) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CompanyProfiles company;
    private final InvoiceRenderer renderer;
    private final BillingProperties properties;

    public InvoiceRerender(NamedParameterJdbcTemplate jdbc, CompanyProfiles company, InvoiceRenderer renderer,
                           BillingProperties properties) {
        this.jdbc = jdbc;
        this.company = company;
        this.renderer = renderer;
        this.properties = properties;
    }

    /** One invoice by its number, or (number null) every rendered invoice of a cycle. */
    public Outcome rerender(String invoiceNumber, LocalDate cycleDate, boolean force) {
        MapSqlParameterSource p = new MapSqlParameterSource("number", invoiceNumber).addValue("cycle", cycleDate)
                .addValue("print", DeliveryChannel.PRINT.name()).addValue("sent", DeliveryStatus.SENT.name());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT i.id, i.invoice_number, i.cycle_date,
                    (SELECT COUNT(*) FROM delivery d WHERE d.invoice_id = i.id AND d.channel = :print
                        AND d.status = :sent) AS letters
                FROM invoice i
                WHERE i.invoice_number IS NOT NULL AND i.pdf_path IS NOT NULL""" + " AND "
                + (invoiceNumber != null ? "i.invoice_number = :number" : "i.cycle_date = :cycle") + " ORDER BY i.id", p);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(invoiceNumber != null
                    ? "no rendered invoice numbered " + invoiceNumber
                    : "no rendered invoice in cycle " + cycleDate);
        }
        List<Long> ids = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (((Number) row.get("letters")).longValue() > 0 && !force) {
                refused.add(row.get("invoice_number") + ": already sent by letter (re-render it anyway with --force)");
            } else {
                ids.add(((Number) row.get("id")).longValue());
            }
        }
        List<String> done = new ArrayList<>();
        if (ids.isEmpty()) {
            return new Outcome(done, refused);
        }
        Map<Long, InvoiceDocument> documents = new InvoiceDocumentLoader(jdbc, company).load(ids);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            if (!ids.contains(id)) {
                continue;
            }
            InvoiceDocument doc = documents.get(id);
            byte[] pdf = renderer.render(doc);
            LocalDate cycle = toLocalDate(row.get("cycle_date"));
            Path folder = properties.out().resolve("invoices").resolve(cycle.toString());
            Path target = AtomicFiles.write(folder, doc.invoiceNumber() + ".pdf", pdf);
            jdbc.update("UPDATE invoice SET pdf_path = :path, pdf_sha256 = :sha, rendered_at = :now WHERE id = :id",
                    new MapSqlParameterSource("id", id).addValue("path", target.toString())
                            .addValue("sha", MailVendorBatch.sha256(pdf)).addValue("now", now));
            done.add(doc.invoiceNumber() + ": " + target);
        }
        return new Outcome(done, refused);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
