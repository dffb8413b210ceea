package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.BillingProperties.Smtp.Security;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.writers.InvoiceEmail;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Emails over SMTP to a real server in the JVM (GreenMail), counted and read back at the server. */
class SmtpCourierTest {

    private MailServer server;

    @BeforeEach
    void start() {
        server = new MailServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SmtpCourier courier(int port, Security security, String user, String password) {
        BillingProperties.Smtp smtp = new BillingProperties.Smtp("127.0.0.1", port, security, user, password,
                Duration.ofSeconds(5));
        return SmtpCourier.to(smtp, CycleTestSupport.templates(), "billing@northernlights.example");
    }

    private static DeliveryToSend email(String invoiceNumber, String to, Language language) {
        return Letters.delivery(invoiceNumber, DeliveryChannel.EMAIL, "Hélène Côté", Letters.QUEBEC, to, language, 1);
    }

    @Test
    void theEmailArrivesWithItsKeyedMessageIdTheTemplateAndThePdf() throws Exception {
        DeliveryToSend delivery = email("F-2026-000030", "helene.cote@example.ca", Language.FR);

        Handover handover = courier(server.port(), Security.NONE, null, null).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isEqualTo(new Handover.Sent("<F-2026-000030-EMAIL@billing.invalid>"));
        assertThat(server.received()).hasSize(1);
        MimeMessage received = server.received().get(0);
        assertThat(received.getMessageID()).isEqualTo("<F-2026-000030-EMAIL@billing.invalid>");
        assertThat(received.getSubject()).isEqualTo("Votre facture F-2026-000030 de Northern Lights Internet");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("helene.cote@example.ca");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("F-2026-000030.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).startsWith("%PDF".getBytes());
        assertThat(InvoiceEmail.messageId(delivery.idempotencyKey())).isEqualTo(received.getMessageID());
    }

    @Test
    void aRecipientRefusedForGoodNeedsAttentionWithTheServersAnswer() {
        server.refuse("gone@example.ca");
        DeliveryToSend delivery = email("F-2026-000031", "gone@example.ca", Language.EN);

        Handover handover = courier(server.port(), Security.NONE, null, null).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.NeedsAttention.class);
        assertThat(((Handover.NeedsAttention) handover).reason())
                .contains("550 5.1.1 <gone@example.ca>: Recipient address rejected: User unknown");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aRecipientPutOffForNowIsLeftForTheNextRun() {
        server.putOff("busy@example.ca");
        DeliveryToSend delivery = email("F-2026-000032", "busy@example.ca", Language.EN);

        Handover handover = courier(server.port(), Security.NONE, null, null).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).contains("450 4.2.1");
    }

    @Test
    void noServerIsLeftForTheNextRun() {
        DeliveryToSend delivery = email("F-2026-000033", "helene.cote@example.ca", Language.EN);

        Handover handover = courier(MailServer.freePort(), Security.NONE, null, null)
                .handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).contains("no answer from the mail server");
    }

    @Test
    void theLoginIsUsedAndAWrongPasswordIsNeverShown() {
        server.greenMail().setUser("billing@northernlights.example", "billing", "s3cret-Pa55");
        DeliveryToSend delivery = email("F-2026-000034", "helene.cote@example.ca", Language.EN);

        Handover wrong = courier(server.port(), Security.NONE, "billing", "wrong-Pa55word")
                .handOver(delivery, Letters.pdf(delivery));
        Handover right = courier(server.port(), Security.NONE, "billing", "s3cret-Pa55")
                .handOver(delivery, Letters.pdf(delivery));

        assertThat(wrong).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) wrong).reason()).doesNotContain("wrong-Pa55word")
                .contains("refused the login").contains("535");
        assertThat(right).isInstanceOf(Handover.Sent.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void starttlsIsRequiredNotHopedFor() {
        // GreenMail's SMTP offers no STARTTLS: the email must not go in clear
        DeliveryToSend delivery = email("F-2026-000035", "helene.cote@example.ca", Language.EN);

        Handover handover = courier(server.port(), Security.STARTTLS, null, null).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).containsIgnoringCase("STARTTLS");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void settingsNeverShowThePassword() {
        BillingProperties.Smtp smtp = new BillingProperties.Smtp("mail.example.net", 587, Security.STARTTLS,
                "billing", "s3cret-Pa55", Duration.ofSeconds(30));
        assertThat(smtp.toString()).doesNotContain("s3cret-Pa55").contains("password set");
    }
}
