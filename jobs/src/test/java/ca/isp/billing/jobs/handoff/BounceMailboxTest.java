package ca.isp.billing.jobs.handoff;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.report.CycleStatus;

/**
 * An email the mail server accepted (250) that bounced later: its delivery status notification
 * lands in the bounce mailbox, a real IMAP server in the test JVM (GreenMail), and the next run
 * reads it before it sends anything.
 */
class BounceMailboxTest {

    private static final String USER = "bounces@northernlights.example";
    private static final String PASSWORD = "b0unce-s3cret";

    @Test
    void aBounceMarksItsDeliveryAndOnlyItAndReadingItAgainChangesNothing() throws Exception {
        GreenMail imap = new GreenMail(new ServerSetup(MailServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer()) {
            GreenMailUser mailbox = imap.setUser(USER, USER, PASSWORD);
            Map<String, String> settings = HandoffChannelsTest.settings(lob, mail.port());
            settings.put("billing.bounces.host", "127.0.0.1");
            settings.put("billing.bounces.port", Integer.toString(imap.getImap().getPort()));
            settings.put("billing.bounces.security", "none");
            settings.put("billing.bounces.user", USER);
            settings.put("billing.bounces.password", PASSWORD);
            try (BillingRun run = BillingRun.onH2(settings)) {
                run.generateAndImport(60, 11);
                assertThat(run.bill()).isEqualTo(Result.COMPLETED);
                JdbcTemplate jdbc = run.jdbc();
                List<Map<String, Object>> emails = jdbc.queryForList("""
                        SELECT id, provider_ref, destination FROM delivery
                        WHERE channel = 'EMAIL' AND courier = 'smtp' AND status = 'SENT' ORDER BY id""");
                assertThat(emails).hasSizeGreaterThan(2);
                int received = mail.received().size();
                Map<String, Object> bounced = emails.get(1);
                String recipient = (String) bounced.get("destination");

                // Given the server's notification that one email bounced (user unknown), a delay
                // report of another (no bounce yet), and a bounce of an email that is not ours,
                mailbox.deliver(Bounces.dsn("user-unknown.eml", (String) bounced.get("provider_ref"), recipient));
                mailbox.deliver(Bounces.dsn("delayed.eml", (String) emails.get(0).get("provider_ref"),
                        (String) emails.get(0).get("destination")));
                mailbox.deliver(Bounces.dsn("user-unknown.eml", "<someone-elses-1@example.org>", "x@example.org"));

                // when the next run starts its hand-off
                assertThat(run.rerun()).isEqualTo(Result.COMPLETED);

                // then that delivery needs attention with the server's status and diagnostic
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT status, courier, last_error, bounced_at FROM delivery WHERE id = ?", bounced.get("id"));
                assertThat(row.get("STATUS")).isEqualTo("ATTENTION");
                assertThat(row.get("BOUNCED_AT")).isNotNull();
                assertThat((String) row.get("LAST_ERROR")).startsWith("bounced after the mail server accepted it: 5.1.1 "
                        + recipient).contains("550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
                // and every other delivery is still SENT
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'", Integer.class))
                        .isEqualTo(1);
                // and it was not sent again to the address that bounced
                assertThat(mail.received()).hasSize(received);
                // and the bounce is gone from the mailbox; the delay report and the stranger's bounce are left
                assertThat(imap.getReceivedMessages()).hasSize(2);
                // and the run summary counts it on its channel's line and lists it with its reason
                String summary = run.bean(CycleStatus.class).ofCycle(CYCLE);
                assertThat(summary).containsPattern("EMAIL +smtp +sent +" + (emails.size() - 1)
                                + " +pending +0 +failed +0 +needs attention +1 \\(bounced 1\\)")
                        .containsPattern("needs attention \\S+-EMAIL \\(smtp\\): bounced after the mail server"
                                + " accepted it: 5\\.1\\.1 ");

                // Given the same notification again (a crash before the mailbox heard it was read)
                mailbox.deliver(Bounces.dsn("user-unknown.eml", (String) bounced.get("provider_ref"), recipient));
                List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM delivery ORDER BY id");

                // when it is read, then nothing changes (and it is taken out of the mailbox)
                BounceMailbox reader = new BounceMailbox(run.properties().bounces(), jdbc);
                assertThat(reader.read()).isZero();
                assertThat(jdbc.queryForList("SELECT * FROM delivery ORDER BY id")).isEqualTo(before);
                assertThat(imap.getReceivedMessages()).hasSize(2);
                assertThat(reader.read()).isZero();
                assertThat(jdbc.queryForList("SELECT * FROM delivery ORDER BY id")).isEqualTo(before);

                // Given the account's address corrected, the next rerun sends it there, once
                jdbc.update("UPDATE account SET email = 'ethan.allen@example.org' WHERE id = "
                        + "(SELECT account_id FROM delivery WHERE id = ?)", bounced.get("id"));
                assertThat(run.rerun()).isEqualTo(Result.COMPLETED);
                assertThat(mail.received()).hasSize(received + 1);
                assertThat(jdbc.queryForMap("SELECT status, destination, bounced_at, last_error FROM delivery WHERE id = ?",
                        bounced.get("id"))).containsEntry("STATUS", "SENT")
                        .containsEntry("DESTINATION", "ethan.allen@example.org").containsEntry("BOUNCED_AT", null)
                        .containsEntry("LAST_ERROR", null);
            }
        } finally {
            imap.stop();
        }
    }

    @Test
    void theMailboxSettingsNeverShowThePassword() {
        BillingProperties.Bounces bounces = new BillingProperties.Bounces("imap.example.net", 993,
                BillingProperties.Bounces.Security.TLS, USER, PASSWORD, "INBOX", java.time.Duration.ofSeconds(5));
        assertThat(bounces.toString()).doesNotContain(PASSWORD).contains("password set");
    }
}
