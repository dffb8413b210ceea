package ca.isp.billing.jobs.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

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
 * rerun gives the same files, byte for byte, instead of appending to them. The rows are streamed
 * from the database already in mailing order (and in file-name order for SHA256SUMS) and written
 * as they come: memory does not grow with the batch. The batch is the scope's
 * (InvoiceScope.batchName): the cycle's letters, or one account's invoice-now (or close-account)
 * letters in a batch of their own, so neither rewrites the cycle's batch of the same date.
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
        boolean mySql = isMySql();
        int letters;
        try {
            letters = batch.writeManifest(each -> stream(mySql, MANIFEST_SQL + scopeSql() + mailingOrder(mySql),
                            rs -> each.accept(entry(rs))),
                    each -> stream(mySql, """
                            SELECT d.provider_ref FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                            JOIN account a ON a.id = d.account_id
                            WHERE i.cycle_date = ? AND d.channel = ? AND d.status = ? AND d.courier = ?""" + scopeSql()
                            + " ORDER BY " + binary("d.provider_ref", mySql), rs -> each.accept(rs.getString(1))));
        } catch (MailVendorBatch.NotInMailingOrder e) {
            // the database sorted some address otherwise than Java does: sort this batch in memory
            log.warn("Mail-vendor manifest for {}: sorted in memory ({})", cycleDate, e.getMessage());
            List<ManifestEntry> entries = jdbc.query(MANIFEST_SQL + scopeSql() + " ORDER BY d.id", (rs, n) -> entry(rs),
                    parameters());
            batch.writeManifest(entries);
            letters = entries.size();
        }
        if (zip) {
            AtomicFiles.deleteLeftoverTemps(batch.batchDir().getParent());
            batch.writeZip();
        }
        faults.point("manifest-written"); // kill drills: the manifest is out, the step not yet committed
        contribution.incrementWriteCount(letters);
        log.info("Mail-vendor manifest of {}: {} letters", batch.batchDir().getFileName(), letters);
        return RepeatStatus.FINISHED;
    }

    private static final String MANIFEST_SQL = """
                SELECT d.idempotency_key, i.invoice_number, a.account_number, a.name, a.billing_line1, a.billing_line2,
                    a.billing_city, a.billing_region, a.billing_postal_code, a.billing_country, a.language,
                    d.provider_ref, d.pages, d.content_sha256
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id JOIN account a ON a.id = d.account_id
                WHERE i.cycle_date = ? AND d.channel = ? AND d.status = ? AND d.courier = ?
                """;

    /** MailVendorBatch.MAILING_ORDER in SQL: Java compares text by character, so MySQL compares it binary. */
    private static String mailingOrder(boolean mySql) {
        return "ORDER BY " + binary("COALESCE(a.billing_country, '')", mySql) + ", "
                + binary("UPPER(REPLACE(COALESCE(a.billing_postal_code, ''), ' ', ''))", mySql) + ", "
                + binary("d.idempotency_key", mySql);
    }

    /** H2 compares text as Java does (no collation set); MySQL/MariaDB by the column's collation unless told. */
    private static String binary(String expression, boolean mySql) {
        return mySql ? expression + " COLLATE utf8mb4_bin" : expression;
    }

    private static ManifestEntry entry(ResultSet rs) throws SQLException {
        return new ManifestEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                InvoiceDocumentLoader.mailingAddress(rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), Language.of(rs.getString(11))),
                rs.getString(9), rs.getString(10), rs.getString(12), rs.getInt(13), rs.getString(14));
    }

    /** The scope's letters: the cycle's (source CYCLE), or one account's others (invoice-now, close-account). */
    private String scopeSql() {
        return scope.accountNumber() == null ? " AND i.source = ? " : " AND i.source <> ? AND a.account_number = ? ";
    }

    private Object[] parameters() {
        return scope.accountNumber() == null
                ? new Object[]{cycleDate, DeliveryChannel.PRINT.name(), DeliveryStatus.SENT.name(), MailVendorCourier.NAME,
                        InvoiceScope.CYCLE}
                : new Object[]{cycleDate, DeliveryChannel.PRINT.name(), DeliveryStatus.SENT.name(), MailVendorCourier.NAME,
                        InvoiceScope.CYCLE, scope.accountNumber()};
    }

    /**
     * Runs the query row by row without holding its result: MySQL Connector/J reads a whole result
     * into memory unless the fetch size is Integer.MIN_VALUE (its streaming mode); H2 reads a page
     * of rows at a time and keeps large results on disk.
     */
    private void stream(boolean mySql, String sql, RowCallbackHandler row) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(mySql ? Integer.MIN_VALUE : 500);
        streaming.query(sql, row, parameters());
    }

    private boolean isMySql() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*");
    }
}
