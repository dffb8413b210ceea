package ca.isp.billing.jobs.handoff;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.MailVendorBatch;
import ca.isp.billing.writers.MailVendorBatch.ManifestEntry;

/**
 * Writes the mail vendor's manifest.csv (in mailing order) and SHA256SUMS for the cycle (and, with
 * billing.handoff.vendor-zip, the batch zipped whole as {@code <cycle>.zip}), rebuilt
 * whole from the outbox (every PRINT row SENT to the mail-vendor batch, not those Lob took), so a
 * rerun gives the same files, byte for byte, instead of appending to them. The batch is the
 * scope's (InvoiceScope.batchName): the cycle's letters, or one account's invoice-now letters in a
 * batch of their own, so an invoice-now never rewrites the cycle's batch of the same date.
 */
public class MailVendorManifestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MailVendorManifestTasklet.class);

    private final JdbcTemplate jdbc;
    private final MailVendorBatch batch;
    private final LocalDate cycleDate;
    private final boolean zip;
    private final FaultInjection faults;
    private final InvoiceScope scope;

    public MailVendorManifestTasklet(JdbcTemplate jdbc, MailVendorBatch batch, LocalDate cycleDate) {
        this(jdbc, batch, cycleDate, false, FaultInjection.none(), InvoiceScope.of(null));
    }

    public MailVendorManifestTasklet(JdbcTemplate jdbc, MailVendorBatch batch, LocalDate cycleDate, boolean zip,
                                     FaultInjection faults, InvoiceScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.batch = batch;
        this.cycleDate = cycleDate;
        this.zip = zip;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // A run killed while writing the manifest left its temporary file.
        AtomicFiles.deleteLeftoverTemps(batch.batchDir());
        List<ManifestEntry> entries = jdbc.query("""
                SELECT d.idempotency_key, i.invoice_number, a.account_number, a.name, a.billing_line1, a.billing_line2,
                    a.billing_city, a.billing_region, a.billing_postal_code, a.billing_country, a.language,
                    d.provider_ref, d.pages, d.content_sha256
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id JOIN account a ON a.id = d.account_id
                WHERE i.cycle_date = ? AND d.channel = ? AND d.status = ? AND d.courier = ?
                  AND""" + (scope.accountNumber() == null ? " i.source = ?"
                        : " i.source <> ? AND a.account_number = ?") + " ORDER BY d.id",
                (rs, n) -> new ManifestEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        InvoiceDocumentLoader.mailingAddress(rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), Language.of(rs.getString(11))),
                        rs.getString(9), rs.getString(10), rs.getString(12), rs.getInt(13), rs.getString(14)),
                scope.accountNumber() == null
                        ? new Object[]{cycleDate, DeliveryChannel.PRINT.name(), DeliveryStatus.SENT.name(),
                                MailVendorCourier.NAME, InvoiceScope.CYCLE}
                        : new Object[]{cycleDate, DeliveryChannel.PRINT.name(), DeliveryStatus.SENT.name(),
                                MailVendorCourier.NAME, InvoiceScope.CYCLE, scope.accountNumber()});
        batch.writeManifest(entries);
        if (zip) {
            AtomicFiles.deleteLeftoverTemps(batch.batchDir().getParent());
            batch.writeZip();
        }
        faults.point("manifest-written"); // kill drills: the manifest is out, the step not yet committed
        contribution.incrementWriteCount(entries.size());
        log.info("Mail-vendor manifest of {}: {} letters", batch.batchDir().getFileName(), entries.size());
        return RepeatStatus.FINISHED;
    }
}
