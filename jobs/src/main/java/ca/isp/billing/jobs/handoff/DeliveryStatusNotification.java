package ca.isp.billing.jobs.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;

/**
 * A bounce as a mail server reports it (RFC 3464): a {@code multipart/report} whose
 * {@code message/delivery-status} part has a block of fields about the message, then one block
 * per recipient ({@code Final-Recipient}, {@code Action}, {@code Status}, {@code Diagnostic-Code}),
 * and whose {@code text/rfc822-headers} or {@code message/rfc822} part holds the headers of the
 * message that bounced, its {@code Message-ID} among them: how it finds its delivery.
 *
 * @param originalMessageId the bounced message's Message-ID, with its angle brackets
 * @param recipient         the recipient that failed ({@code Final-Recipient}), if said
 * @param status            the enhanced status code, e.g. {@code 5.1.1}
 * @param diagnostic        the remote server's words ({@code Diagnostic-Code}), if said
 */
public record DeliveryStatusNotification(String originalMessageId, String recipient, String status,
                                         String diagnostic) {

    /**
     * The notification this message is, if it is one: a report of a failed delivery (a "delayed"
     * or "delivered" report is no bounce) that names the original message. Anything else is empty.
     */
    public static Optional<DeliveryStatusNotification> of(Part message) throws MessagingException, IOException {
        Found found = new Found();
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType != null && !"delivery-status".equalsIgnoreCase(reportType)) {
            return Optional.empty(); // a read receipt (disposition-notification), not a bounce
        }
        walk(message, found);
        if (found.messageId == null || found.status == null || !found.failed) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryStatusNotification(found.messageId, found.recipient, found.status,
                found.diagnostic));
    }

    /** The reason a delivery needs attention, as the run summary lists it. */
    public String reason() {
        return "bounced after the mail server accepted it: " + status
                + (recipient == null ? "" : " " + recipient)
                + (diagnostic == null ? "" : " (" + diagnostic + ")");
    }

    private static final class Found {
        String messageId;
        String recipient;
        String status;
        String diagnostic;
        boolean failed;
    }

    private static void walk(Part part, Found found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                walk(child, found);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            readStatus(part, found);
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
            // the original's header block comes first in both
            try (InputStream in = part.getInputStream()) {
                String id = new InternetHeaders(in).getHeader("Message-ID", null);
                if (id != null && found.messageId == null) {
                    found.messageId = id.trim();
                }
            }
        }
    }

    /** The per-message block, then the first per-recipient block whose Action is "failed". */
    private static void readStatus(Part part, Found found) throws MessagingException, IOException {
        String body;
        try (InputStream in = part.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        // blocks are separated by an empty line (RFC 3464, 2.1); the first is about the message
        String[] blocks = body.strip().split("\\r?\\n(\\s*\\r?\\n)+");
        for (int i = 1; i < blocks.length; i++) {
            InternetHeaders recipient = new InternetHeaders(
                    new ByteArrayInputStream((blocks[i] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            String action = recipient.getHeader("Action", null);
            if (action != null && "failed".equalsIgnoreCase(action.trim())) {
                found.failed = true;
                found.status = unfolded(recipient.getHeader("Status", null));
                found.recipient = address(recipient.getHeader("Final-Recipient", null));
                found.diagnostic = unfolded(recipient.getHeader("Diagnostic-Code", null));
                return;
            }
        }
    }

    /** "rfc822; someone@example.com" is someone@example.com. */
    private static String address(String field) {
        String value = unfolded(field);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return semicolon < 0 ? value : value.substring(semicolon + 1).trim();
    }

    private static String unfolded(String value) {
        return value == null ? null : value.replaceAll("\\s*\\r?\\n\\s*", " ").trim();
    }
}
