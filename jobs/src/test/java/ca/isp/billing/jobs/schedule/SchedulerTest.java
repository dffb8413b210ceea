package ca.isp.billing.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.handoff.MailServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The scheduler's rules on a real application (H2) with a real SMTP server (GreenMail) for the
 * operators' alerts: missed ticks caught up once, a failed run reported once and retried by the
 * next tick only when configured, invoices held for review reported once a day however often
 * the check runs. Ticks are fired by the test (no waiting for a clock); the jobs are the real
 * ones, counted in the job repository.
 */
class SchedulerTest {

    private static final String OPERATORS = "ops@isp.example";
    private static MailServer mail;
    private static BillingRun run;
    private static JdbcTemplate jdbc;
    private static JobScheduler scheduler;

    @BeforeAll
    static void start() throws IOException {
        mail = new MailServer();
        // every first invoice above 1.00 is held for review: the cycle of the last test leaves holds waiting
        Path rules = Files.createTempDirectory("review-rules-").resolve("review-rules.properties");
        Files.writeString(rules, "first-invoice-ceiling.amount=1.00\nplan-revenue.enabled=false\n"
                + "jurisdiction-revenue.enabled=false\n");
        run = BillingRun.onH2(Map.of("billing.smtp.host", "127.0.0.1", "billing.smtp.port",
                Integer.toString(mail.port()), "billing.smtp.security", "none", "billing.smtp.timeout", "5s",
                "billing.alerts.to", OPERATORS, "billing.review.rules", rules.toString()));
        jdbc = run.jdbc();
        scheduler = run.bean(JobScheduler.class);
    }

    @AfterAll
    static void stop() {
        run.close();
        mail.close();
    }

    @Test
    void ticksMissedWhileNoSchedulerRanAreCaughtUpOnceNotOncePerTick() throws MessagingException {
        Schedule collections = new Schedule("test-collections", Schedule.Command.COLLECTIONS,
                CronExpression.parse("0 0 6 * * *"), ZoneOffset.UTC, true, true);
        Instant now = Instant.now();
        // known to a scheduler since five days ago, then the machine was down: daily 06:00 UTC
        // ticks in (now - 5 days, now] are exactly 5 (five whole days hold one 06:00 each)
        knownSince("test-collections", now.minus(Duration.ofDays(5)));
        LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDate latest = nowUtc.getHour() >= 6 ? nowUtc.toLocalDate() : nowUtc.toLocalDate().minusDays(1);

        scheduler.catchUp(collections, now);
        scheduler.catchUp(collections, now.plusSeconds(1)); // the next start: nothing left to catch up

        assertThat(executions("collections")).as("one run for five missed ticks").isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p JOIN BATCH_JOB_EXECUTION e
                  ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'collections' AND p.PARAMETER_NAME = 'collectionsDate'""", String.class))
                .as("the latest missed tick's date").isEqualTo(latest.toString());
        List<Map<String, Object>> ticks = jdbc.queryForList(
                "SELECT status, message, business_date FROM scheduler_tick WHERE job_name = 'test-collections'");
        assertThat(ticks).hasSize(1);
        assertThat(ticks.get(0).get("status")).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT business_date FROM scheduler_tick WHERE job_name = 'test-collections'",
                LocalDate.class)).isEqualTo(latest);
        assertThat(subjects()).filteredOn(s -> s.startsWith("Billing: scheduled test-collections did not run 5 times"))
                .as("one alert for the downtime").hasSize(1);
    }

    @Test
    void aFailedRunIsReportedOnceAndRetriedByTheNextTickOnlyWhenConfigured() throws Exception {
        Schedule noRetry = new Schedule("test-ingest", Schedule.Command.INGEST, CronExpression.parse("0 15 * * * *"),
                ZoneOffset.UTC, false, true);
        Instant now = Instant.now();
        knownSince("test-ingest", now.minus(Duration.ofHours(2)));
        // 30 usage lines for services no subscription has (stored UNMATCHED): one rate chunk (8 x 5)
        StringBuilder csv = new StringBuilder("record_id,source,service_id,usage_type,start_time,quantity\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("sched-").append(i).append(",radius-mtl-1,nobody-").append(i).append(",DATA,2026-11-10T10:00:00,")
                    .append(1000 * i).append('\n');
        }
        Path inbox = run.properties().inbox("usage");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("usage-sched.csv"), csv, StandardCharsets.UTF_8);
        run.faults().arm("rate", 1);

        // the missed tick caught up at start: its run fails in the rate step
        scheduler.catchUp(noRetry, now);
        Instant tick = jdbc.queryForObject("SELECT scheduled_at FROM scheduler_tick WHERE job_name = 'test-ingest'",
                LocalDateTime.class).toInstant(ZoneOffset.UTC);
        assertThat(tickStatus(tick)).isEqualTo("FAILED");
        assertThat(failedRuns()).isEqualTo(1);
        String failedSubject = "Billing: scheduled test-ingest of " + LocalDate.ofInstant(tick, ZoneOffset.UTC) + " failed";
        assertThat(subjects()).filteredOn(failedSubject::equals).hasSize(1);

        // the alert check of every poll (and of run.sh alerts) finds the same failure: no second email
        int emails = mail.received().size();
        run.bean(AttentionCheck.class).check();
        run.bean(AttentionCheck.class).check();
        assertThat(mail.received()).hasSize(emails);

        // the next tick, retry-failed false: skipped and reported; the failed run is left to the operator
        run.faults().disarm();
        Instant next = tick.plus(Duration.ofHours(1));
        scheduler.fire(noRetry, next);
        assertThat(tickStatus(next)).isEqualTo("SKIPPED");
        assertThat(tickStatus(tick)).isEqualTo("FAILED");
        assertThat(executions("usageIngest")).isEqualTo(1);
        assertThat(subjects()).filteredOn(s -> s.equals("Billing: scheduled test-ingest of "
                + LocalDate.ofInstant(next, ZoneOffset.UTC) + " did not run")).hasSize(1);

        // the operator sets retry-failed: true and restarts: the next tick resumes the failed run, then runs its own
        Schedule retry = new Schedule("test-ingest", Schedule.Command.INGEST, noRetry.cron(), ZoneOffset.UTC, true, true);
        Instant third = tick.plus(Duration.ofHours(2));
        scheduler.fire(retry, third);
        assertThat(tickStatus(tick)).isEqualTo("COMPLETED");
        assertThat(tickStatus(third)).isEqualTo("COMPLETED");
        // run 1 failed then resumed to the end (2 executions), run 2 of the new tick (1): nothing doubled
        assertThat(executions("usageIngest")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'usageIngest'",
                Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_record WHERE record_id LIKE 'sched-%'", Long.class))
                .isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_record WHERE record_id LIKE 'sched-%' AND status = 'NEW'",
                Long.class)).isZero();
    }

    @Test
    void invoicesHeldForReviewAreReportedOnceHoweverOftenTheCheckRuns() throws Exception {
        run.generateAndImport(6, 16);
        assertThat(run.bean(CycleLauncher.class).bill(CycleTestSupport.CYCLE, CycleLauncher.Option.FORCE).result())
                .isEqualTo(Result.COMPLETED);
        long held = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE review_status = 'HELD'", Long.class);
        assertThat(held).as("every first invoice above 1.00 held").isPositive();

        List<String> first = run.bean(AttentionCheck.class).check();
        List<String> second = run.bean(AttentionCheck.class).check();

        String line = "cycle " + CycleTestSupport.CYCLE + " has " + held + " invoice" + (held == 1 ? "" : "s")
                + " held for review: ./run.sh review --cycle-date " + CycleTestSupport.CYCLE;
        assertThat(first).contains(line);
        assertThat(second).contains(line);
        List<MimeMessage> alerts = mail.received().stream().filter(m -> subject(m).equals("Billing: " + held
                + " invoice" + (held == 1 ? "" : "s") + " of cycle " + CycleTestSupport.CYCLE + " held for review")).toList();
        assertThat(alerts).as("one email for two checks").hasSize(1);
        assertThat(alerts.get(0).getAllRecipients()[0].toString()).isEqualTo(OPERATORS);
        assertThat(alerts.get(0).getMessageID()).startsWith("<alert-").endsWith("@billing.invalid>");
    }

    private static void knownSince(String job, Instant since) {
        jdbc.update("INSERT INTO scheduler_job (job_name, known_since) VALUES (?, ?)", job,
                LocalDateTime.ofInstant(since, ZoneOffset.UTC));
    }

    private static long executions(String job) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = ?""", Long.class, job);
    }

    private static long failedRuns() {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'usageIngest' AND e.STATUS = 'FAILED'""", Long.class);
    }

    private static String tickStatus(Instant at) {
        return jdbc.queryForObject("SELECT status FROM scheduler_tick WHERE job_name = 'test-ingest' AND scheduled_at = ?",
                String.class, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static List<String> subjects() {
        return mail.received().stream().map(SchedulerTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
