package ca.isp.billing.jobs.render;

import java.nio.file.Files;
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
 * lines, totals, statement: the render step's own loader and engine), after a template fix or for
 * a working copy lost or damaged. Numbers and amounts are read, never changed; the new file
 * replaces the old one atomically and its SHA-256 is recorded. Deliveries already sent stay sent,
 * and the bytes they carried are kept: when the working copy is what a SENT delivery carried (its
 * SHA-256 is the delivery's {@code content_sha256}), it is first archived beside the new file as
 * {@code <number>.delivered-<first 16 hex of that SHA-256>.pdf} (kept once, whatever the number of
 * re-renders). A letter whose delivered bytes are neither the working copy nor archived (the copy
 * lost or changed) is refused unless forced: the printed letter is what the customer has (an
 * email keeps its attachment, so it does not count).
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
        return rerender(invoiceNumber, cycleDate, List.of(), force);
    }

    /**
     * One invoice by its number, or (number null) the rendered invoices of a cycle, only those of
     * {@code accounts} (account numbers) when it is not empty.
     */
    public Outcome rerender(String invoiceNumber, LocalDate cycleDate, List<String> accounts, boolean force) {
        MapSqlParameterSource p = new MapSqlParameterSource("number", invoiceNumber).addValue("cycle", cycleDate)
                .addValue("print", DeliveryChannel.PRINT.name()).addValue("sent", DeliveryStatus.SENT.name())
                .addValue("accounts", accounts.isEmpty() ? List.of("") : accounts);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT i.id, i.invoice_number, i.cycle_date, i.pdf_path, a.account_number,
                    (SELECT COUNT(*) FROM delivery d WHERE d.invoice_id = i.id AND d.channel = :print
                        AND d.status = :sent) AS letters
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.invoice_number IS NOT NULL AND i.pdf_path IS NOT NULL""" + " AND "
                + (invoiceNumber != null ? "i.invoice_number = :number" : "i.cycle_date = :cycle")
                + (accounts.isEmpty() ? "" : " AND a.account_number IN (:accounts)") + " ORDER BY i.id", p);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(invoiceNumber != null
                    ? "no rendered invoice numbered " + invoiceNumber
                    : "no rendered invoice in cycle " + cycleDate + (accounts.isEmpty() ? "" : " for accounts " + accounts));
        }
        if (!accounts.isEmpty()) {
            List<String> found = rows.stream().map(r -> (String) r.get("account_number")).toList();
            List<String> missing = accounts.stream().filter(a -> !found.contains(a)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("no rendered invoice in cycle " + cycleDate + " for account(s) "
                        + missing + " (nothing re-rendered)");
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<Long, byte[]> delivered = new java.util.HashMap<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            String number = (String) row.get("invoice_number");
            Path file = Path.of((String) row.get("pdf_path"));
            // what each sent delivery carried (DeliveryWriter records the PDF's SHA-256)
            List<String> sentShas = jdbc.queryForList("""
                    SELECT DISTINCT content_sha256 FROM delivery
                    WHERE invoice_id = :id AND status = :sent AND content_sha256 IS NOT NULL""",
                    new MapSqlParameterSource("id", id).addValue("sent", DeliveryStatus.SENT.name()), String.class);
            byte[] current = sentShas.isEmpty() ? null : bytes(file);
            String currentSha = current == null ? null : MailVendorBatch.sha256(current);
            boolean allKept = true;
            for (String sha : sentShas) {
                allKept &= sha.equals(currentSha) || Files.exists(file.resolveSibling(archiveName(number, sha)));
            }
            if (((Number) row.get("letters")).longValue() > 0 && !allKept && !force) {
                refused.add(number + ": already sent by letter and the file delivered is lost or changed, so its bytes"
                        + " cannot be kept beside the new one (re-render it anyway with --force)");
                continue;
            }
            ids.add(id);
            if (currentSha != null && sentShas.contains(currentSha)) {
                delivered.put(id, current);
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
            String archived = "";
            byte[] kept = delivered.get(id);
            if (kept != null) {
                // the delivered bytes, beside the new file, before it replaces them
                String name = archiveName(doc.invoiceNumber(), MailVendorBatch.sha256(kept));
                if (!Files.exists(folder.resolve(name))) {
                    AtomicFiles.write(folder, name, kept);
                }
                archived = " (delivered copy kept as " + name + ")";
            }
            Path target = AtomicFiles.write(folder, doc.invoiceNumber() + ".pdf", pdf);
            jdbc.update("UPDATE invoice SET pdf_path = :path, pdf_sha256 = :sha, rendered_at = :now WHERE id = :id",
                    new MapSqlParameterSource("id", id).addValue("path", target.toString())
                            .addValue("sha", MailVendorBatch.sha256(pdf)).addValue("now", now));
            done.add(doc.invoiceNumber() + ": " + target + archived);
        }
        return new Outcome(done, refused);
    }

    /** Where the bytes a delivery carried are kept, beside the working copy. */
    static String archiveName(String invoiceNumber, String sha256) {
        return invoiceNumber + ".delivered-" + sha256.substring(0, 16) + ".pdf";
    }

    /** The file's bytes, null when it is gone or unreadable. */
    private static byte[] bytes(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
