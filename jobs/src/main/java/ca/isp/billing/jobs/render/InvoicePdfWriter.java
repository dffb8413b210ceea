package ca.isp.billing.jobs.render;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * Writes invoice PDFs to {@code var/out/invoices/<cycle>/<invoice number>.pdf} (temp file,
 * then rename: a crash never leaves half a PDF; never outside that folder; owner-only) and
 * records path and SHA-256. A rolled back chunk leaves files that the restart overwrites with
 * the same invoice.
 */
public class InvoicePdfWriter implements ItemStreamWriter<RenderedInvoice> {

    private final NamedParameterJdbcTemplate jdbc;
    private final Path folder;

    private final FaultInjection faults;

    public InvoicePdfWriter(NamedParameterJdbcTemplate jdbc, Path folder) {
        this(jdbc, folder, FaultInjection.none());
    }

    public InvoicePdfWriter(NamedParameterJdbcTemplate jdbc, Path folder, FaultInjection faults) {
        this.jdbc = jdbc;
        this.folder = folder;
        this.faults = faults;
    }

    /** When the step starts: a run killed while writing a PDF left its temporary file. */
    @Override
    public void open(ExecutionContext executionContext) {
        AtomicFiles.deleteLeftoverTemps(folder);
    }

    @Override
    public void write(Chunk<? extends RenderedInvoice> chunk) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        MapSqlParameterSource[] rows = new MapSqlParameterSource[chunk.size()];
        // each PDF forced to disk as written, the folder once for the chunk, all before the commit
        AtomicFiles.withFoldersForcedOnce(() -> {
            int i = 0;
            for (RenderedInvoice invoice : chunk) {
                // Checked to stay in the folder: the number is data, whatever series it came from.
                Path target = AtomicFiles.write(folder, invoice.invoiceNumber() + ".pdf", invoice.pdf());
                rows[i++] = new MapSqlParameterSource("id", invoice.invoiceId())
                        .addValue("path", target.toString())
                        .addValue("sha", MailVendorBatch.sha256(invoice.pdf())).addValue("now", now);
            }
            return null;
        });
        faults.point("render-written"); // kill drills: the PDFs are on disk, their rows not yet committed
        jdbc.batchUpdate("UPDATE invoice SET pdf_path = :path, pdf_sha256 = :sha, rendered_at = :now WHERE id = :id", rows);
    }
}
