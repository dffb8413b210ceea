package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;
import java.util.Properties;

import org.springframework.integration.mail.outbound.MailSendingMessageHandler;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.GenericMessage;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.writers.InvoiceEmail;

import jakarta.mail.internet.MimeMessage;

/**
 * Emails through an SMTP server, with Spring Integration's mail handler: the same message the
 * .eml file holds (subject and body from {@code templates/email/} in the account's language, the
 * PDF attached, the Message-ID made from the idempotency key, so a repeat after a crash is
 * recognisably the same message). What the server answers decides the row ({@link SmtpAnswer}).
 */
public class SmtpCourier implements Courier {

    public static final String NAME = "smtp";

    private final InvoiceEmail email;
    private final MailSendingMessageHandler handler;

    public SmtpCourier(InvoiceEmail email, MailSendingMessageHandler handler) {
        this.email = email;
        this.handler = handler;
    }

    /** The courier for the configured server; messages are built on its mail session. */
    public static SmtpCourier to(BillingProperties.Smtp smtp, Path templates, String from) {
        JavaMailSenderImpl sender = mailSender(smtp);
        return new SmtpCourier(new InvoiceEmail(templates, from, sender.getSession()),
                new MailSendingMessageHandler(sender));
    }

    /** Host, port, protection and login from the settings; the password is handed to Jakarta Mail only. */
    public static JavaMailSenderImpl mailSender(BillingProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        switch (smtp.security()) {
            case STARTTLS -> {
                // required: a server that does not offer STARTTLS gets nothing in clear
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        if (smtp.user() != null && !smtp.user().isBlank()) {
            sender.setUsername(smtp.user());
            sender.setPassword(smtp.password());
            properties.setProperty("mail.smtp.auth", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Handover handOver(DeliveryToSend delivery, byte[] pdf) {
        MimeMessage message = email.build(delivery.idempotencyKey(), delivery.destination(), delivery.document(), pdf);
        try {
            handler.handleMessage(new GenericMessage<>(message));
        } catch (MessagingException e) {
            return SmtpAnswer.of(e);
        }
        return new Handover.Sent(InvoiceEmail.messageId(delivery.idempotencyKey()));
    }
}
