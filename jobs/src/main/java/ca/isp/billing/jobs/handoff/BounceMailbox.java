package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.BillingProperties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Emails that bounced after the mail server accepted them (250): their delivery status
 * notifications ({@link DeliveryStatusNotification}) arrive in the bounce mailbox, read here over
 * IMAP with Jakarta Mail. Each names the bounced email by its Message-ID, which is the delivery's
 * provider reference ({@code InvoiceEmail.messageId} of its idempotency key): that delivery, if
 * SENT, becomes ATTENTION with the notification's status and diagnostic, and {@code bounced_at}.
 * A notification read is deleted from the mailbox; read twice (a crash before the mailbox heard
 * of it), it finds its delivery no longer SENT and changes nothing. A notification that matches
 * no delivery, and any other message, is logged and left in the mailbox for a person.
 *
 * <p>Read when the hand-off step starts, before anything is sent (a listener of its manager
 * step): bounces come back minutes to a day after a run, so every {@code bill} and {@code rerun}
 * reads what came back since, with no command or scheduler of its own, and its run summary
 * lists them; and the rerun does not send a bounced email again to the same address (the
 * outbox reader skips it until the account's address changes). A mailbox that cannot be read
 * is a warning, never a reason not to send.
 */
public class BounceMailbox implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final BillingProperties.Bounces settings;
    private final JdbcTemplate jdbc;

    public BounceMailbox(BillingProperties.Bounces settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!settings.configured()) {
            return;
        }
        try {
            int bounced = read();
            if (bounced > 0) {
                log.warn("{} emails bounced after the mail server accepted them: they need attention (the run summary"
                        + " lists them)", bounced);
            }
        } catch (MessagingException | RuntimeException e) {
            // the password is Jakarta Mail's only, never in its messages
            log.warn("The bounce mailbox ({}) could not be read, bounces are read by the next run: {}: {}", settings,
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Reads the mailbox once: how many deliveries it marked bounced. */
    public int read() throws MessagingException {
        Session session = Session.getInstance(properties());
        int bounced = 0;
        try (Store store = session.getStore(protocol())) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Taken taken = take(message);
                    if (taken != Taken.LEFT) {
                        bounced += taken == Taken.BOUNCED ? 1 : 0;
                        // after the row's commit: a crash in between reads it again, which changes nothing
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                folder.close(true); // expunge: what was taken is gone
            }
        }
        return bounced;
    }

    /** What became of a message of the mailbox. */
    private enum Taken {
        /** Not a bounce, or of no delivery of ours: a person's to read. */
        LEFT,
        /** Its delivery is now ATTENTION. */
        BOUNCED,
        /** Read before: its delivery is not SENT any more. */
        READ_BEFORE
    }

    private Taken take(Message message) throws MessagingException {
        Optional<DeliveryStatusNotification> dsn;
        try {
            dsn = DeliveryStatusNotification.of(message);
        } catch (IOException | MessagingException e) {
            log.warn("Bounce mailbox: message {} could not be read, left there: {}", message.getMessageNumber(),
                    e.getMessage());
            return Taken.LEFT;
        }
        if (dsn.isEmpty()) {
            log.info("Bounce mailbox: message {} ({}) is not a delivery failure report naming a message, left there",
                    message.getMessageNumber(), message.getSubject());
            return Taken.LEFT;
        }
        DeliveryStatusNotification bounce = dsn.get();
        int updated = jdbc.update("""
                UPDATE delivery SET status = ?, last_error = ?, bounced_at = ?
                WHERE provider_ref = ? AND channel = ? AND status = ?""",
                DeliveryStatus.ATTENTION.name(), clip(bounce.reason()), Timestamp.valueOf(LocalDateTime.now()),
                bounce.originalMessageId(), DeliveryChannel.EMAIL.name(), DeliveryStatus.SENT.name());
        if (updated > 0) {
            log.warn("Delivery {} {}", bounce.originalMessageId(), bounce.reason());
            return Taken.BOUNCED;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE provider_ref = ? AND channel = ?",
                Integer.class, bounce.originalMessageId(), DeliveryChannel.EMAIL.name());
        if (known == null || known == 0) {
            log.warn("Bounce mailbox: a bounce of {} ({}) matches no delivery, left there", bounce.originalMessageId(),
                    bounce.status());
            return Taken.LEFT;
        }
        return Taken.READ_BEFORE;
    }

    private String protocol() {
        return settings.security() == BillingProperties.Bounces.Security.TLS ? "imaps" : "imap";
    }

    private Properties properties() {
        Properties properties = new Properties();
        String protocol = protocol();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (settings.security() == BillingProperties.Bounces.Security.TLS) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private static String clip(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
