package ca.isp.billing.jobs.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Delivery status notifications written by hand after RFC 3464 (and Postfix's), in test resources. */
final class Bounces {

    private Bounces() {
    }

    /** The notification in {@code resource} (under bounces/) about the email {@code messageId} to {@code recipient}. */
    static MimeMessage dsn(String resource, String messageId, String recipient) {
        return parse(text(resource).replace("${messageId}", messageId).replace("${recipient}", recipient));
    }

    static String text(String resource) {
        try (InputStream in = Bounces.class.getResourceAsStream("/bounces/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage parse(String text) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
