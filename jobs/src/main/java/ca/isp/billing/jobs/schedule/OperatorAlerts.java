package ca.isp.billing.jobs.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.handoff.SmtpCourier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Messages to the operators: a failed run, a run that did not happen when scheduled, invoices
 * held for review waiting for a decision. Queued in {@code operator_alert}, an outbox keyed by
 * what the alert is about ({@code run-failed:daily-billing:2026-11-01T07:00:00Z}), so however
 * often a check runs (two schedulers, cron and a scheduler) the alert is queued once; then sent
 * to {@code billing.alerts.to} through the SMTP server of the invoice emails ({@code SMTP_*}),
 * with a Message-ID made from the key, so a repeat after a crash between the server's 250 and
 * our commit is recognisably the same message. Without a server or recipients the alert is
 * logged at WARN instead (status LOGGED). Never any personal data: counts, dates, commands.
 */
@Component
public class OperatorAlerts {

    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);
    /** An alert claimed for sending by a process that died is sent again after this. */
    private static final Duration SENDING_STALE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final List<String> recipients;
    private final String from;

    public OperatorAlerts(JdbcTemplate jdbc, BillingProperties properties,
                          @Value("${billing.alerts.to:}") String recipients,
                          @Value("${billing.alerts.from:}") String from) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.recipients = Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.from = from == null || from.isBlank() ? properties.emailFrom() : from.trim();
    }

    /** Queues an alert once per key; true when it was new. */
    public boolean raise(String key, String subject, String body) {
        try {
            jdbc.update("""
                    INSERT INTO operator_alert (alert_key, subject, body, status, attempts, created_at)
                    VALUES (?, ?, ?, 'PENDING', 0, ?)""", key, cut(subject, 300), cut(body, 4000), utc(Instant.now()));
            log.warn("event=alert key={} subject=\"{}\"", key, subject);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Sends what is queued; returns how many were sent now. */
    public int sendPending() {
        jdbc.update("UPDATE operator_alert SET status = 'PENDING' WHERE status = 'SENDING' AND sent_at < ?",
                utc(Instant.now().minus(SENDING_STALE)));
        List<Map<String, Object>> pending = jdbc.queryForList(
                "SELECT id, alert_key, subject, body FROM operator_alert WHERE status = 'PENDING' ORDER BY id");
        if (pending.isEmpty()) {
            return 0;
        }
        JavaMailSenderImpl sender = properties.smtp().configured() && !recipients.isEmpty()
                ? SmtpCourier.mailSender(properties.smtp()) : null;
        int sent = 0;
        for (Map<String, Object> alert : pending) {
            long id = ((Number) alert.get("id")).longValue();
            // claimed before sending: two schedulers never send the same alert at the same time
            if (jdbc.update("UPDATE operator_alert SET status = 'SENDING', attempts = attempts + 1, sent_at = ? WHERE id = ?"
                    + " AND status = 'PENDING'", utc(Instant.now()), id) != 1) {
                continue;
            }
            String key = (String) alert.get("alert_key");
            if (sender == null) {
                log.warn("ALERT (no SMTP_HOST or billing.alerts.to: not emailed) {}: {}", alert.get("subject"),
                        alert.get("body"));
                jdbc.update("UPDATE operator_alert SET status = 'LOGGED' WHERE id = ?", id);
                continue;
            }
            try {
                MimeMessage message = new MimeMessage(sender.getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId(key));
                    }
                };
                message.setFrom(new InternetAddress(from));
                for (String to : recipients) {
                    message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
                }
                message.setSubject((String) alert.get("subject"), "UTF-8");
                message.setText(alert.get("body") + "\n\n(alert " + key + ")\n", "UTF-8");
                sender.send(message);
                jdbc.update("UPDATE operator_alert SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?",
                        utc(Instant.now()), id);
                sent++;
            } catch (MessagingException | RuntimeException e) {
                log.warn("alert {} not sent, tried again at the next check: {}", key, e.getMessage());
                jdbc.update("UPDATE operator_alert SET status = 'PENDING', sent_at = NULL, last_error = ? WHERE id = ?",
                        cut(String.valueOf(e.getMessage()), 1000), id);
            }
        }
        return sent;
    }

    /** The same for the same alert, whoever sends it. */
    static String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<alert-" + HexFormat.of().formatHex(hash).substring(0, 32) + "@billing.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
