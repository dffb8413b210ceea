package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.handoff.LobFake;
import ca.isp.billing.jobs.handoff.LobReturnAddress;
import ca.isp.billing.jobs.handoff.MailServer;
import ca.isp.billing.writers.InvoiceEmail;

/**
 * The hand-off killed with real processes: {@code run.sh bill} hands its US letters to a Lob fake
 * (the real SDK, over HTTP) and its emails to a real SMTP server (GreenMail), both in this JVM, and
 * dies by kill -9 in the handoff step; the same command then finishes the cycle. What arrived is
 * counted at the servers, not read from our own tables:
 *
 * <ul>
 * <li>killed before a chunk's deliveries leave: every letter and every email arrives once;</li>
 * <li>killed after the servers answered, before our commit (the window no SMTP client can
 * close): Lob is asked again with the same Idempotency-Key and gives back the same letter (no
 * second letter), and exactly the emails of that chunk arrive twice, with the same Message-ID;</li>
 * <li>killed at a random moment of the step: every letter once, at most one chunk of emails
 * twice, with the same Message-ID.</li>
 * </ul>
 *
 * One partition, so the chunk in flight at the kill is the only one and its deliveries are known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoffKillIT {

    private static final String SUITE = "hand-off killed, counted at Lob and SMTP";
    private static final int CHUNK_SIZE = KillDrill.CHUNK_SIZE;
    /** With Lob or SMTP configured the handoff commits each delivery on its own (BillingCycleJobConfiguration). */
    private static final int HANDOFF_CHUNK = 1;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> BILL = List.of("bill", "--cycle-date", KillDrill.CYCLE.toString(), "--force",
            "--billing.chunk-size=" + CHUNK_SIZE, "--billing.grid-size=1", "--billing.lob.retry-delay=5ms");

    private CaseFolder template;
    private Path templates;
    private final Random random = new Random(KillDrill.KILL_SEED);

    @BeforeAll
    void prepare() throws Exception {
        BillingCommand.requireFreshJar();
        template = CaseFolder.create("handoff-template");
        templates = LobReturnAddress.templates(template.root().resolve("templates"));
        Path reference = template.root().resolve("reference");
        Path home = template.home();
        new DemoIspGenerator(KillDrill.SEED, KillDrill.ACCOUNTS, KillDrill.CYCLE).generate(reference,
                home.resolve("inbox/usage"), home.resolve("inbox/payments"));
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                CaseFolder.ownerOnly(path);
            }
        }
        Database db = new H2Database(home);
        for (String kind : KillDrill.IMPORTS) {
            BillingCommand.Ended ended = BillingCommand.run(template, db, "import-" + kind, RUN_TIMEOUT,
                    List.of("import", kind, reference.resolve(kind + ".csv").toString()));
            assertThat(ended.exitCode()).as(ended.lastLines(20)).isZero();
        }
    }

    @AfterAll
    void cleanUp() {
        if (template != null) {
            template.delete();
        }
        ReliabilityReport.write();
    }

    @Test
    void killedBeforeAChunkLeavesEverythingArrivesOnce() throws Exception {
        drill("kill -9 before the 20th delivery leaves (outside the window)", List.of("--billing.fault.step=handoff",
                "--billing.fault.chunk=20", "--billing.fault.action=halt"), InFlight.NOTHING);
    }

    @Test
    void killedAfterTheSmtpServerSaid250BeforeOurCommitSendsThatEmailAgainWithTheSameMessageId() throws Exception {
        drill("kill -9 after the SMTP server's 250, before our commit (inside the window)",
                List.of("--billing.fault.halt-at=handed-over-smtp"), InFlight.FIRST_PENDING_CHUNK);
    }

    @Test
    void killedAfterLobMadeALetterBeforeOurCommitGetsTheSameLetterBack() throws Exception {
        drill("kill -9 after Lob made a letter, before our commit (inside the window)",
                List.of("--billing.fault.halt-at=handed-over-lob"), InFlight.FIRST_PENDING_CHUNK);
    }

    @Test
    void killedAtRandomMomentsOfTheHandoffNoLetterTwiceAndAtMostOneChunkOfEmails() throws Exception {
        drill("real kill -9 at a random moment of the handoff step", null, InFlight.AT_MOST_ONE_CHUNK);
    }

    /** What the kill may leave repeated at the servers. */
    private enum InFlight { NOTHING, FIRST_PENDING_CHUNK, AT_MOST_ONE_CHUNK }

    /**
     * One case: a killed run ({@code faultArgs}, or a real kill -9 at a random moment of the
     * handoff step when null), then the same command until it completes; then the counts.
     */
    private void drill(String name, List<String> faultArgs, InFlight inFlight) throws Exception {
        ReliabilityReport.Case c = new ReliabilityReport.Case(SUITE, "H2", name);
        long start = System.nanoTime();
        CaseFolder folder = CaseFolder.create("handoff-" + name);
        List<String> failures = new ArrayList<>();
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer()) {
            folder.copyHomeFrom(template.home());
            Database db = withCouriers(new H2Database(folder.home()), lob, mail);

            // the killed run
            BillingCommand.Ended killed = faultArgs != null
                    ? BillingCommand.run(folder, db, "bill-killed", RUN_TIMEOUT, concat(BILL, faultArgs))
                    : killAtRandomInHandoff(folder, db, c, lob, mail);
            c.runs.add(KillDrill.describe("bill (killed)", killed));
            if (!killed.killed()) {
                failures.add("the first run was not killed: exit " + killed.exitCode() + "\n" + killed.lastLines(20));
            }
            Pending pending = pending(db);
            int lettersBefore = lob.letters().size();
            int emailsBefore = mail.received().size();
            c.observations.add(String.format("killed in steps %s; at the servers: %d letters, %d emails; %d deliveries not"
                    + " SENT", pending.steps, lettersBefore, emailsBefore, pending.keys.size()));

            // the same command, until the cycle completes
            for (int i = 0; i < 3; i++) {
                BillingCommand.Ended resumed = BillingCommand.run(folder, db, "bill", RUN_TIMEOUT, BILL);
                c.runs.add(KillDrill.describe("bill", resumed));
                if (resumed.exitCode() == 0) {
                    break;
                }
            }

            Map<String, Integer> letterKeys = new HashMap<>();
            lob.letters().forEach(l -> letterKeys.merge(l.idempotencyKey(), 1, Integer::sum));
            Map<String, Integer> messageIds = new HashMap<>();
            mail.messageIds().forEach(id -> messageIds.merge(id, 1, Integer::sum));
            Deliveries deliveries = deliveries(db);

            // every US letter made once at Lob, whatever happened: a repeat got the same letter back
            if (!letterKeys.keySet().equals(deliveries.usLetters) || letterKeys.values().stream().anyMatch(n -> n != 1)) {
                failures.add("Lob letters by key " + letterKeys + " are not the US letters of the cycle, once each: "
                        + deliveries.usLetters);
            }
            // every email at the server, by the Message-ID its delivery row stands for
            Set<String> wanted = new HashSet<>();
            deliveries.emails.forEach(key -> wanted.add(InvoiceEmail.messageId(key)));
            if (!messageIds.keySet().equals(wanted)) {
                failures.add("the emails at the server are not the cycle's: " + messageIds.size() + " Message-IDs for "
                        + wanted.size() + " email deliveries");
            }
            Set<String> twice = new HashSet<>();
            messageIds.forEach((id, n) -> {
                if (n > 1) {
                    twice.add(id);
                }
                if (n > 2) {
                    failures.add("email " + id + " arrived " + n + " times");
                }
            });
            Set<String> repeatable = new HashSet<>();
            pending.firstChunk.stream().filter(deliveries.emails::contains).forEach(k -> repeatable.add(InvoiceEmail.messageId(k)));
            int letterRepeats = lob.requests().size() - lob.letters().size();
            switch (inFlight) {
                case NOTHING -> {
                    if (!twice.isEmpty() || letterRepeats != 0) {
                        failures.add("killed before the chunk left, yet " + twice.size() + " emails arrived twice and Lob"
                                + " was asked " + letterRepeats + " times more than it made letters");
                    }
                }
                case FIRST_PENDING_CHUNK -> {
                    // exactly the chunk in the window: its emails twice, its US letters asked twice, made once
                    long chunkLetters = pending.firstChunk.stream().filter(deliveries.usLetters::contains).count();
                    if (!twice.equals(repeatable) || letterRepeats != chunkLetters || repeatable.isEmpty() && chunkLetters == 0) {
                        failures.add("inside the window: emails twice " + twice + ", expected exactly the chunk's "
                                + repeatable + "; Lob asked again " + letterRepeats + " times for the chunk's "
                                + chunkLetters + " US letters");
                    }
                }
                case AT_MOST_ONE_CHUNK -> {
                    if (!repeatable.containsAll(twice)) {
                        failures.add("emails twice " + twice + " are not all in the chunk in flight at the kill "
                                + repeatable);
                    }
                }
            }
            if (deliveries.notSentOnce > 0) {
                failures.add(deliveries.notSentOnce + " deliveries are not SENT after exactly one recorded attempt");
            }
            c.check = String.format("%d US letters at Lob, each made once (%d requests); %d emails at the SMTP server for"
                            + " %d Message-IDs (%d of them twice, with the same Message-ID); %d vendor letters; every delivery SENT",
                    lob.letters().size(), lob.requests().size(), mail.received().size(), messageIds.size(), twice.size(),
                    deliveries.vendorLetters);
        } catch (Exception | AssertionError e) {
            failures.add(e.toString());
        } finally {
            c.millis = (System.nanoTime() - start) / 1_000_000;
            if (!failures.isEmpty()) {
                c.status = ReliabilityReport.Status.FAILED;
                c.details = String.join("\n", failures) + "\n(case folder kept: " + folder.root() + ")";
            } else {
                folder.delete();
            }
            ReliabilityReport.add(c);
        }
        assertThat(failures).as(c.details).isEmpty();
    }

    /**
     * Starts the bill and kills it -9 at a random moment after the handoff began (the first letter
     * or email reached its server); a kill that came after the step ended is drawn again, sooner,
     * from the imported state.
     */
    private BillingCommand.Ended killAtRandomInHandoff(CaseFolder folder, Database db, ReliabilityReport.Case c,
                                                       LobFake lob, MailServer mail) throws Exception {
        long within = 3000;
        for (int attempt = 0; attempt < 6; attempt++) {
            BillingCommand.Running running = BillingCommand.start(folder, db, "bill-to-kill", BILL);
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (running.isAlive() && lob.requests().isEmpty() && mail.received().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long delay = (long) (random.nextDouble() * within);
            Thread.sleep(delay);
            running.killMinus9();
            BillingCommand.Ended ended = running.await(RUN_TIMEOUT);
            if (ended.killedByUs() && pending(db).steps().contains("handoff")) {
                c.observations.add("killed " + delay + " ms after the first delivery reached its server (seed "
                        + KillDrill.KILL_SEED + ")");
                return ended;
            }
            c.observations.add("a kill " + delay + " ms after the first delivery reached its server came after the"
                    + " handoff step; drawn again, sooner");
            within = Math.max(100, delay / 2);
            lob.reset();
            mail.reset();
            CaseFolder.create(folder.root().getFileName().toString());
            folder.copyHomeFrom(template.home());
        }
        throw new IllegalStateException("no kill landed inside the handoff step in 6 tries");
    }

    /** The case's database, with Lob and SMTP switched on as an operator does: by the environment. */
    private Database withCouriers(Database h2, LobFake lob, MailServer mail) {
        Map<String, String> env = new HashMap<>(h2.environment());
        env.put("BILLING_TEMPLATES", templates.toString());
        env.put("LOB_API_KEY", "test_5e1f0a9b8c7d");
        env.put("LOB_BASE_URL", lob.baseUrl());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(mail.port()));
        env.put("SMTP_SECURITY", "none");
        return new Database() {
            @Override
            public String kind() {
                return h2.kind();
            }

            @Override
            public Map<String, String> environment() {
                return env;
            }

            @Override
            public Connection connect() throws SQLException {
                return h2.connect();
            }

            @Override
            public void close() {
                h2.close();
            }
        };
    }

    /** What the killed run left: the step it was in, the deliveries not SENT and the first chunk of them. */
    private record Pending(List<String> steps, List<String> keys, List<String> firstChunk) {
    }

    private static Pending pending(Database db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            List<String> steps = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' AND JOB_EXECUTION_ID =
                        (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID""")) {
                while (rs.next()) {
                    steps.add(rs.getString(1));
                }
            }
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT idempotency_key FROM delivery WHERE status <> 'SENT' ORDER BY id")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return new Pending(steps, keys,
                    keys.subList(0, Math.min(HANDOFF_CHUNK, keys.size())));
        }
    }

    /** The cycle's deliveries once it completed. */
    private record Deliveries(Set<String> usLetters, Set<String> emails, long vendorLetters, long notSentOnce) {
    }

    private static Deliveries deliveries(Database db) throws SQLException {
        Set<String> us = new HashSet<>();
        Set<String> emails = new HashSet<>();
        long vendor = 0;
        long notSentOnce = 0;
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT d.idempotency_key, d.channel, d.courier, d.status, d.attempts
                     FROM delivery d JOIN account a ON a.id = d.account_id""")) {
            while (rs.next()) {
                String key = rs.getString(1);
                switch (rs.getString(2) + "/" + rs.getString(3)) {
                    case "PRINT/lob" -> us.add(key);
                    case "EMAIL/smtp" -> emails.add(key);
                    case "PRINT/mail-vendor" -> vendor++;
                    default -> throw new IllegalStateException("delivery " + key + " by " + rs.getString(3));
                }
                if (!"SENT".equals(rs.getString(4)) || rs.getInt(5) != 1) {
                    notSentOnce++;
                }
            }
        }
        return new Deliveries(us, emails, vendor, notSentOnce);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
