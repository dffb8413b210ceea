package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading bounces as mail servers write them (RFC 3464). */
class DeliveryStatusNotificationTest {

    private static final String ID = "<F-2026-000031-EMAIL@billing.northernlights.example>";

    @Test
    void aUserUnknownBounceNamesTheEmailItsRecipientStatusAndDiagnostic() throws Exception {
        DeliveryStatusNotification dsn = DeliveryStatusNotification
                .of(Bounces.dsn("user-unknown.eml", ID, "nobody@example.net")).orElseThrow();

        assertThat(dsn.originalMessageId()).isEqualTo(ID);
        assertThat(dsn.recipient()).isEqualTo("nobody@example.net");
        assertThat(dsn.status()).isEqualTo("5.1.1");
        // the folded Diagnostic-Code is one line again
        assertThat(dsn.diagnostic()).isEqualTo("smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected:"
                + " User unknown in virtual mailbox table");
        assertThat(dsn.reason()).startsWith("bounced after the mail server accepted it: 5.1.1 nobody@example.net (smtp;");
    }

    @Test
    void theOriginalMayComeWholeAsMessageRfc822() throws Exception {
        String failed = Bounces.text("delayed.eml").replace("Action: delayed", "Action: failed")
                .replace("Status: 4.4.1", "Status: 5.4.4").replace("${messageId}", ID)
                .replace("${recipient}", "someone@example.net");

        DeliveryStatusNotification dsn = DeliveryStatusNotification.of(Bounces.parse(failed)).orElseThrow();

        assertThat(dsn.originalMessageId()).isEqualTo(ID);
        assertThat(dsn.status()).isEqualTo("5.4.4");
    }

    @Test
    void aDelayIsNoBounceNorIsAnOrdinaryMessage() throws Exception {
        assertThat(DeliveryStatusNotification.of(Bounces.dsn("delayed.eml", ID, "someone@example.net"))).isEmpty();
        assertThat(DeliveryStatusNotification.of(Bounces.parse("""
                From: someone@example.net
                To: bounces@northernlights.example
                Subject: Re: Your invoice
                Message-ID: <reply-1@example.net>
                In-Reply-To: %s

                Thanks, I will pay on Friday.
                """.formatted(ID)))).isEmpty();
    }
}
