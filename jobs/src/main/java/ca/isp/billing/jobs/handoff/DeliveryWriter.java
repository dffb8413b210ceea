package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * Hands invoices over, one outbox row at a time, each through the courier {@link Couriers} picks
 * for it, and records what became of it: SENT (with the provider's reference, pages and SHA-256
 * of the PDF), ATTENTION (refused for a reason a person must fix), PENDING again (the provider
 * did not take it: the next run tries again) or FAILED (it broke on our side). One row's trouble
 * never stops the others, but a courier that fails {@code maxConsecutiveErrors} rows in a row
 * (an outage) fails the step: there is no point in timing out on every row that is left.
 *
 * <p>One writer per partition: the count of errors in a row is the partition's, per courier.
 */
public class DeliveryWriter implements ItemStreamWriter<DeliveryToSend> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Couriers couriers;
    private final int maxConsecutiveErrors;
    private final FaultInjection faults;
    private final Map<String, Integer> errorsInARow = new HashMap<>();

    public DeliveryWriter(NamedParameterJdbcTemplate jdbc, Couriers couriers, int maxConsecutiveErrors,
                          FaultInjection faults) {
        this.jdbc = jdbc;
        this.couriers = couriers;
        this.maxConsecutiveErrors = maxConsecutiveErrors;
        this.faults = faults;
    }

    /** When the step starts: a run killed while writing a letter or an email left its temporary file. */
    @Override
    public void open(ExecutionContext executionContext) {
        couriers.all().forEach(Courier::open);
    }

    @Override
    public void write(Chunk<? extends DeliveryToSend> chunk) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<MapSqlParameterSource> sent = new ArrayList<>();
        List<MapSqlParameterSource> notSent = new ArrayList<>();
        // an invoice sent both ways has two rows, one after the other: its PDF read and parsed once
        Map<Path, ReadPdf> readPdfs = new HashMap<>();
        // files for the outside (letters, .eml files) each forced to disk as written, their folder once
        // for the chunk: all on disk before the update below says SENT and the chunk commits
        List<MapSqlParameterSource> sentAsFiles = new ArrayList<>();
        try {
            handOver(chunk, now, sent, sentAsFiles, notSent, readPdfs);
        } catch (AtomicFiles.FolderNotForcedException e) {
            // the couriers have answered (an SMTP server's 250, a Lob letter): those rows stay SENT, or
            // the next run would send them again; only files whose folder may not be on disk are not
            log.error("Hand-off: {}; {} letters and e-mails written as files are marked FAILED, sent again by the"
                    + " next run", e.getMessage(), sentAsFiles.size());
            sent.removeAll(sentAsFiles);
            for (MapSqlParameterSource row : sentAsFiles) {
                notSent.add(new MapSqlParameterSource("id", row.getValue("id")).addValue("courier", row.getValue("courier"))
                        .addValue("error", clip(e.getMessage())).addValue("status", DeliveryStatus.FAILED.name()));
            }
        }
        faults.point("handoff-written"); // kill drills: letters and emails handed over, not yet marked SENT
        jdbc.batchUpdate("""
                UPDATE delivery SET status = :status, attempts = attempts + 1, courier = :courier, provider_ref = :ref,
                    pages = :pages, content_sha256 = :sha, sent_at = :now, destination = :destination, last_error = NULL,
                    bounced_at = NULL
                WHERE id = :id""", sent.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                UPDATE delivery SET status = :status, attempts = attempts + 1, courier = :courier, last_error = :error
                WHERE id = :id""", notSent.toArray(MapSqlParameterSource[]::new));
    }

    private void handOver(Chunk<? extends DeliveryToSend> chunk, Timestamp now, List<MapSqlParameterSource> sent,
                          List<MapSqlParameterSource> sentAsFiles, List<MapSqlParameterSource> notSent,
                          Map<Path, ReadPdf> readPdfs) {
        AtomicFiles.withFoldersForcedOnce(() -> {
            for (DeliveryToSend delivery : chunk) {
                Courier courier = couriers.forDelivery(delivery);
                String outage = null;
                MapSqlParameterSource row = new MapSqlParameterSource("id", delivery.deliveryId())
                        .addValue("courier", courier.name());
                try {
                    // read before anything leaves: a PDF that cannot be read fails here, not after it was sent
                    ReadPdf read = readPdfs.get(delivery.pdf());
                    if (read == null) {
                        read = ReadPdf.of(delivery.pdf());
                        readPdfs.put(delivery.pdf(), read);
                    }
                    byte[] pdf = read.bytes();
                    int pages = read.pages();
                    Handover handover = courier.handOver(delivery, pdf);
                    if (handover instanceof Handover.Sent s) {
                        // kill drills: this courier took the delivery (Lob made the letter, the SMTP server said 250), not yet SENT
                        faults.point("handed-over-" + courier.name());
                        errorsInARow.remove(courier.name());
                        sent.add(row.addValue("ref", s.providerRef()).addValue("pages", pages)
                                .addValue("sha", read.sha256()).addValue("now", now)
                                .addValue("destination", delivery.destination())
                                .addValue("status", DeliveryStatus.SENT.name()));
                        if (courier.writesFiles()) {
                            sentAsFiles.add(row);
                        }
                    } else if (handover instanceof Handover.NeedsAttention a) {
                        errorsInARow.remove(courier.name());
                        log.warn("Delivery {} ({}) needs attention: {}", delivery.idempotencyKey(), courier.name(), a.reason());
                        notSent.add(row.addValue("error", clip(a.reason())).addValue("status", DeliveryStatus.ATTENTION.name()));
                    } else if (handover instanceof Handover.TryLater t) {
                        log.warn("Delivery {} ({}) left for the next run: {}", delivery.idempotencyKey(), courier.name(),
                                t.reason());
                        notSent.add(row.addValue("error", clip(t.reason())).addValue("status", DeliveryStatus.PENDING.name()));
                        outage = t.reason();
                    }
                } catch (RuntimeException | IOException e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    log.error("Delivery {} ({}) failed: {}", delivery.idempotencyKey(), courier.name(), reason);
                    notSent.add(row.addValue("error", clip(reason)).addValue("status", DeliveryStatus.FAILED.name()));
                }
                if (outage != null) {
                    stopAfterTooManyInARow(courier, outage);
                }
            }
            return null;
        });
    }

    /** A PDF as read for the hand-off: its bytes, pages and SHA-256. */
    private record ReadPdf(byte[] bytes, int pages, String sha256) {

        static ReadPdf of(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            return new ReadPdf(bytes, MailVendorBatch.pageCount(bytes), MailVendorBatch.sha256(bytes));
        }
    }

    /**
     * An outage: the courier took none of its last rows. Failing the step (the chunk rolls back,
     * its rows stay as they were) says so at once; the same command resumes when it is fixed.
     */
    private void stopAfterTooManyInARow(Courier courier, String reason) {
        int inARow = errorsInARow.merge(courier.name(), 1, Integer::sum);
        if (inARow >= maxConsecutiveErrors) {
            throw new IllegalStateException("hand-off stopped: " + courier.name() + " took none of the last " + inARow
                    + " deliveries (billing.handoff.max-consecutive-errors), the last one: " + reason
                    + "; fix the cause and run the same command again");
        }
    }

    private static String clip(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
