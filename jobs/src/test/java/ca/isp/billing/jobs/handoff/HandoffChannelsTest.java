package ca.isp.billing.jobs.handoff;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.report.CycleStatus;
import ca.isp.billing.writers.InvoiceEmail;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * A whole cycle handing invoices over to the outside world: US letters to the Lob fake, Canadian
 * letters to the mail-vendor batch, emails to an SMTP server (GreenMail). What arrived is
 * counted at the servers; the outbox rows only say which deliveries there were to make.
 */
public class HandoffChannelsTest {

    private static final int ACCOUNTS = 60;
    private static final long SEED = 11;

    @Test
    void everyLetterAndEmailArrivesOnceAtItsCourier() throws Exception {
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer();
             BillingRun run = BillingRun.onH2(settings(lob, mail.port()))) {
            run.generateAndImport(ACCOUNTS, SEED);

            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            JdbcTemplate jdbc = run.jdbc();
            assertArrivedOnce(jdbc, lob, mail);
            assertThat(lob.requests()).hasSize(lob.letters().size());
            assertThat(lob.letters()).allSatisfy(letter -> {
                assertThat(letter.fields()).containsEntry("use_type", "operational");
                assertThat(letter.idempotencyKey()).endsWith("-PRINT");
            });
            // the rows say who took them and what it answered
            assertThat(jdbc.queryForList("SELECT provider_ref FROM delivery WHERE courier = 'lob'", String.class))
                    .containsExactlyInAnyOrderElementsOf(lob.letters().stream().map(LobFake.Letter::id).toList());
            assertThat(jdbc.queryForList("SELECT provider_ref FROM delivery WHERE courier = 'smtp'", String.class))
                    .containsExactlyInAnyOrderElementsOf(mail.messageIds());
            // the vendor's manifest lists the vendor's letters only, in postal code order, and
            // SHA256SUMS holds the SHA-256 of each of its files
            Path batch = run.properties().out().resolve("mail-vendor").resolve(CYCLE.toString());
            List<String> manifest = Files.readAllLines(batch.resolve("manifest.csv"));
            assertThat(manifest).hasSize(keys(jdbc, "PRINT", "CA").size() + 1);
            List<String> postalCodes;
            try (CSVParser rows = CSVParser.parse(batch.resolve("manifest.csv"), StandardCharsets.UTF_8,
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                postalCodes = rows.stream().map(r -> r.get("postal_code").replace(" ", "")).toList();
            }
            assertThat(postalCodes).hasSize(manifest.size() - 1).isSorted();
            List<String> sums = Files.readAllLines(batch.resolve("SHA256SUMS"));
            assertThat(sums).hasSize(manifest.size());
            for (String line : sums) {
                String[] sum = line.split("  ");
                assertThat(MailVendorBatch.sha256(Files.readAllBytes(batch.resolve(sum[1])))).isEqualTo(sum[0]);
            }
            String summary = run.bean(CycleStatus.class).ofCycle(CYCLE);
            assertThat(summary).containsPattern("PRINT +lob +sent +" + lob.letters().size() + " +pending +0")
                    .containsPattern("PRINT +mail-vendor +sent +" + keys(jdbc, "PRINT", "CA").size() + " ")
                    .containsPattern("EMAIL +smtp +sent +" + mail.received().size() + " +pending +0");
        }
    }

    @Test
    void aRefusedRecipientNeedsAttentionWithTheServersAnswer() throws Exception {
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer();
             BillingRun run = BillingRun.onH2(settings(lob, mail.port()))) {
            run.generateAndImport(ACCOUNTS, SEED);
            String refused = run.jdbc().queryForObject(
                    "SELECT MIN(email) FROM account WHERE delivery <> 'MAIL' AND email IS NOT NULL", String.class);
            mail.refuse(refused);

            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            assertThat(run.jdbc().queryForList("""
                    SELECT d.last_error FROM delivery d JOIN account a ON a.id = d.account_id
                    WHERE d.status = 'ATTENTION'""", String.class))
                    .singleElement().asString().contains("550 5.1.1 <" + refused + ">");
            String summary = run.bean(CycleStatus.class).ofCycle(CYCLE);
            assertThat(summary).containsPattern("EMAIL +smtp +sent +\\d+ +pending +0 +failed +0 +needs attention +1")
                    .contains("needs attention").contains("Recipient address rejected");
        }
    }

    @Test
    void aCrashBetweenTheServersAnswerAndOurCommitRepeatsOnlyThatDeliveryWithTheSameKey() throws Exception {
        Map<String, String> settings = new HashMap<>();
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer()) {
            settings.putAll(settings(lob, mail.port()));
            settings.put("billing.grid-size", "1"); // one partition: deliveries in id order, so the Nth is known
            try (BillingRun run = BillingRun.onH2(settings)) {
                run.generateAndImport(ACCOUNTS, SEED);
                JdbcTemplate jdbc = run.jdbc();

                // (a first run stopped before anything was handed over: the outbox rows exist, in id order)
                run.faults().arm("handoff", 1);
                assertThat(run.bill()).isEqualTo(Result.FAILED);
                assertThat(lob.requests()).isEmpty();
                assertThat(mail.received()).isEmpty();
                // Given the process dies right after an email was accepted (250), before its row is SENT,
                run.faults().disarm();
                run.faults().armPoint("handoff-written", 1 + firstPending(run, "EMAIL", "%"));
                assertThat(run.bill()).isEqualTo(Result.FAILED);
                // and, resumed, right after Lob made a letter, before its row is SENT,
                run.faults().armPoint("handoff-written", 1 + firstPending(run, "PRINT", "US"));
                assertThat(run.bill()).isEqualTo(Result.FAILED);
                // when it is resumed again
                run.faults().disarm();
                assertThat(run.bill()).isEqualTo(Result.COMPLETED);

                // then Lob made every letter once: the repeat carried the same key and got the same letter
                assertThat(lob.requests()).hasSize(lob.letters().size() + 1);
                // and the one email repeated is the same message, same Message-ID: the window no
                // SMTP client can close; every other email arrived once
                assertThat(mail.received()).hasSize(keys(jdbc, "EMAIL", "%").size() + 1);
                assertArrivedOnce(jdbc, lob, mail);
            }
        }
    }

    @Test
    void aCrashBeforeAnythingIsHandedOverRepeatsNothing() throws Exception {
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer();
             BillingRun run = BillingRun.onH2(settings(lob, mail.port()))) {
            run.generateAndImport(ACCOUNTS, SEED);

            // the 20th delivery fails before its courier is called (outside the window)
            run.faults().arm("handoff", 20);
            assertThat(run.bill()).isEqualTo(Result.FAILED);
            run.faults().disarm();
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            assertThat(mail.received()).hasSize(keys(run.jdbc(), "EMAIL", "%").size());
            assertThat(lob.requests()).hasSize(lob.letters().size());
            assertArrivedOnce(run.jdbc(), lob, mail);
        }
    }

    @Test
    void smtpDownForTheFirstAttemptAndUpForTheRerunDeliversEveryEmailOnce() throws Exception {
        int port = MailServer.freePort();
        try (LobFake lob = new LobFake(); BillingRun run = BillingRun.onH2(withSettings(settings(lob, port),
                "billing.handoff.max-consecutive-errors", "1000"))) {
            run.generateAndImport(ACCOUNTS, SEED);
            JdbcTemplate jdbc = run.jdbc();

            // Given no mail server answers: the emails are left pending, the cycle completes with a warning
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            int emails = keys(jdbc, "EMAIL", "%").size();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE channel = 'EMAIL' AND status = 'PENDING'"
                    + " AND last_error LIKE 'no answer from the mail server%'", Integer.class)).isEqualTo(emails);
            assertThat(jdbc.queryForObject("""
                    SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'handoff'""", String.class))
                    .contains(emails + " deliveries not handed over: " + emails + " pending");
            assertThat(run.bean(CycleStatus.class).overview()).contains("not sent: EMAIL  smtp         pending " + emails);

            Path batch = run.properties().out().resolve("mail-vendor").resolve(CYCLE.toString());
            byte[] manifest = Files.readAllBytes(batch.resolve("manifest.csv"));
            byte[] sums = Files.readAllBytes(batch.resolve("SHA256SUMS"));

            // When the server is up and the operator reruns the cycle
            try (MailServer mail = new MailServer(port)) {
                assertThat(run.rerun()).isEqualTo(Result.COMPLETED);

                // the vendor's batch, rebuilt from the database, is the same bytes
                assertThat(Files.readAllBytes(batch.resolve("manifest.csv"))).isEqualTo(manifest);
                assertThat(Files.readAllBytes(batch.resolve("SHA256SUMS"))).isEqualTo(sums);

                // then every email arrives, once, and the letters were not sent again
                assertThat(mail.received()).hasSize(emails);
                assertArrivedOnce(jdbc, lob, mail);
                assertThat(lob.requests()).hasSize(lob.letters().size());
            }
        }
    }

    @Test
    void anOutageFailsTheStepAfterTooManyErrorsInARowAndTheSameCommandFinishesIt() throws Exception {
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer()) {
            Map<String, String> settings = new HashMap<>(settings(lob, mail.port()));
            settings.put("billing.handoff.max-consecutive-errors", "3");
            settings.put("billing.lob.max-attempts", "2");
            settings.put("billing.grid-size", "1"); // the ISP's 3 US letters in one partition
            try (BillingRun run = BillingRun.onH2(settings)) {
                run.generateAndImport(ACCOUNTS, SEED);

                // Given Lob answers 500 to everything
                lob.failNext(500, 1000);
                assertThat(run.bill()).isEqualTo(Result.FAILED);
                assertThat(run.jdbc().queryForObject("""
                        SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'handoffPartition%'
                        AND STATUS = 'FAILED' ORDER BY STEP_EXECUTION_ID LIMIT 1""", String.class))
                        .contains("lob took none of the last 3 deliveries");
                assertThat(lob.letters()).isEmpty();

                // When Lob is back and the same command runs again
                lob.clearFailures();
                assertThat(run.bill()).isEqualTo(Result.COMPLETED);

                assertArrivedOnce(run.jdbc(), lob, mail);
            }
        }
    }

    /**
     * What the servers received is exactly the cycle's deliveries, each once: a Lob letter per US
     * letter (by idempotency key), a message per email at the mail server (by Message-ID), a PDF
     * per Canadian letter in the vendor's batch; every row SENT.
     */
    private static void assertArrivedOnce(JdbcTemplate jdbc, LobFake lob, MailServer mail) throws IOException {
        List<String> lobKeys = lob.letters().stream().map(LobFake.Letter::idempotencyKey).toList();
        assertThat(lobKeys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys(jdbc, "PRINT", "US"));
        assertThat(new HashSet<>(mail.messageIds())).containsExactlyInAnyOrderElementsOf(
                keys(jdbc, "EMAIL", "%").stream().map(InvoiceEmail::messageId).toList());
        Path batch = Path.of(jdbc.queryForObject("SELECT MIN(pdf_path) FROM invoice", String.class)).getParent()
                .getParent().getParent().resolve("mail-vendor").resolve(CYCLE.toString());
        try (Stream<Path> files = Files.list(batch)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf"))
                    .map(n -> n.substring(0, n.length() - 4)).toList())
                    .containsExactlyInAnyOrderElementsOf(keys(jdbc, "PRINT", "CA"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'", Integer.class)).isZero();
    }

    /** The cycle's deliveries on a channel to a billing country (a LIKE pattern), by idempotency key. */
    private static List<String> keys(JdbcTemplate jdbc, String channel, String country) {
        return jdbc.queryForList("""
                SELECT d.idempotency_key FROM delivery d JOIN account a ON a.id = d.account_id
                WHERE d.channel = ? AND a.billing_country LIKE ?""", String.class, channel, country);
    }

    /** How many rows the hand-off takes before the first pending one on this channel and country (id order). */
    private static int firstPending(BillingRun run, String channel, String country) {
        List<Long> pending = run.jdbc().queryForList("""
                SELECT d.id FROM delivery d WHERE d.status <> 'SENT' ORDER BY d.id""", Long.class);
        Long first = run.jdbc().queryForObject("""
                SELECT MIN(d.id) FROM delivery d JOIN account a ON a.id = d.account_id
                WHERE d.status <> 'SENT' AND d.channel = ? AND a.billing_country LIKE ?""", Long.class, channel, country);
        return pending.indexOf(first);
    }

    private static Map<String, String> withSettings(Map<String, String> settings, String name, String value) {
        Map<String, String> more = new HashMap<>(settings);
        more.put(name, value);
        return more;
    }

    /** Lob and SMTP on, with the ISP's US return address in a copy of the templates. */
    public static Map<String, String> settings(LobFake lob, int smtpPort) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("billing.templates", LobReturnAddress.templates().toString());
        settings.put("billing.lob.api-key", "test_5e1f0a9b8c7d");
        settings.put("billing.lob.base-url", lob.baseUrl());
        settings.put("billing.lob.retry-delay", "5ms");
        settings.put("billing.smtp.host", "127.0.0.1");
        settings.put("billing.smtp.port", Integer.toString(smtpPort));
        settings.put("billing.smtp.security", "none");
        settings.put("billing.smtp.timeout", "5s");
        return settings;
    }
}
