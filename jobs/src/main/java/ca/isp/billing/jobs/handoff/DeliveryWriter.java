package ca.isp.billing.jobs.handoff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.InvoiceEmail;
import ca.isp.billing.writers.MailVendorBatch;

import jakarta.mail.internet.MimeMessage;

/**
 * Hands invoices over, one outbox row at a time: PRINT as a letter in the mail-vendor batch
 * folder, EMAIL as an .eml file. Every file is named by the row's idempotency key and written
 * atomically, so doing a row again replaces it rather than adding a second letter. One row that
 * fails is marked FAILED with the reason; the others go on.
 */
public class DeliveryWriter implements ItemStreamWriter<DeliveryToSend> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final MailVendorBatch mailVendor;
    private final InvoiceEmail email;
    private final Path emailFolder;

    private final FaultInjection faults;

    public DeliveryWriter(NamedParameterJdbcTemplate jdbc, MailVendorBatch mailVendor, InvoiceEmail email,
                          Path emailFolder, FaultInjection faults) {
        this.jdbc = jdbc;
        this.mailVendor = mailVendor;
        this.email = email;
        this.emailFolder = emailFolder;
        this.faults = faults;
    }

    /** When the step starts: a run killed while writing a letter or an email left its temporary file. */
    @Override
    public void open(ExecutionContext executionContext) {
        AtomicFiles.deleteLeftoverTemps(mailVendor.batchDir());
        AtomicFiles.deleteLeftoverTemps(emailFolder);
    }

    @Override
    public void write(Chunk<? extends DeliveryToSend> chunk) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<MapSqlParameterSource> sent = new ArrayList<>();
        List<MapSqlParameterSource> failed = new ArrayList<>();
        for (DeliveryToSend delivery : chunk) {
            try {
                byte[] pdf = Files.readAllBytes(delivery.pdf());
                String providerRef;
                if (delivery.channel() == DeliveryChannel.PRINT) {
                    providerRef = mailVendor.addLetter(delivery.idempotencyKey(), pdf).getFileName().toString();
                } else {
                    MimeMessage message = email.build(delivery.idempotencyKey(), delivery.destination(),
                            delivery.document(), pdf);
                    providerRef = email.writeEml(message, emailFolder, delivery.idempotencyKey()).getFileName().toString();
                }
                sent.add(new MapSqlParameterSource("id", delivery.deliveryId()).addValue("ref", providerRef)
                        .addValue("pages", MailVendorBatch.pageCount(pdf)).addValue("sha", MailVendorBatch.sha256(pdf))
                        .addValue("now", now).addValue("sent", DeliveryStatus.SENT.name()));
            } catch (Exception e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error("Delivery {} ({}) failed: {}", delivery.idempotencyKey(), delivery.channel(), reason);
                failed.add(new MapSqlParameterSource("id", delivery.deliveryId())
                        .addValue("error", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                        .addValue("failed", DeliveryStatus.FAILED.name()));
            }
        }
        faults.point("handoff-written"); // kill drills: letters and emails written, not yet marked SENT
        jdbc.batchUpdate("""
                UPDATE delivery SET status = :sent, attempts = attempts + 1, provider_ref = :ref, pages = :pages,
                    content_sha256 = :sha, sent_at = :now, last_error = NULL WHERE id = :id""",
                sent.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("UPDATE delivery SET status = :failed, attempts = attempts + 1, last_error = :error WHERE id = :id",
                failed.toArray(MapSqlParameterSource[]::new));
    }
}
