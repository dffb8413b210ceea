package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The built-in scheduler as an operator runs it: {@code run.sh scheduler} as separate JVMs on
 * one MariaDB schema, killed with -9 and stopped with SIGTERM, counted in the job repository.
 *
 * <p>The schedule is one job, {@code ingest} once a year (1 January 03:00 UTC), known to the
 * database since two years ago: when a scheduler starts, the tick of last 1 January is due and
 * was never run (a missed tick, caught up once), and no other tick comes while the test runs.
 */
class SchedulerIT {

    private static final Duration START_AND_RUN = Duration.ofMinutes(4);
    private static final String SCHEDULE = """
            zone: UTC
            jobs:
              ingest:
                command: ingest
                cron: "0 0 3 1 1 *"
                retry-failed: true
                catch-up: true
            """;

    @Test
    void twoSchedulersStartedAtOnceRunTheDueTickOnce() throws Exception {
        CaseFolder a = CaseFolder.create("scheduler-two-a");
        CaseFolder b = CaseFolder.create("scheduler-two-b");
        try (MariaDbDatabase db = MariaDbDatabase.create("billing_sched")) {
            Path schedule = prepare(a, db);
            // two machines: each its own home, one database
            BillingCommand.Running first = BillingCommand.start(a, db, "scheduler", scheduler(schedule));
            BillingCommand.Running second = BillingCommand.start(b, db, "scheduler", scheduler(schedule));

            awaitTick(db, "COMPLETED", first, second);
            // a few polls (2 s) more: the other scheduler must neither run the tick nor take it over
            Thread.sleep(8000);
            first.terminate();
            second.terminate();
            BillingCommand.Ended endedFirst = first.await(Duration.ofMinutes(1));
            BillingCommand.Ended endedSecond = second.await(Duration.ofMinutes(1));

            assertThat(endedFirst.timedOut() || endedSecond.timedOut()).as("both stop on SIGTERM").isFalse();
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'usageIngest'"))
                    .as("the job ran once").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM scheduler_tick")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(DISTINCT owner) FROM scheduler_tick")).isEqualTo(1);
            a.delete();
            b.delete();
        }
    }

    @Test
    void aSchedulerKilledWhileItsJobRunsIsFinishedByTheNextStart() throws Exception {
        CaseFolder folder = CaseFolder.create("scheduler-kill");
        try (MariaDbDatabase db = MariaDbDatabase.create("billing_sched")) {
            Path schedule = prepare(folder, db);
            Path file = usageFile(folder);
            List<String> paused = new java.util.ArrayList<>(scheduler(schedule));
            paused.addAll(List.of("--billing.chunk-size=2", "--billing.fault.step=rate", "--billing.fault.chunk=2",
                    "--billing.fault.action=pause", "--billing.fault.pause-seconds=300"));
            BillingCommand.Running killed = BillingCommand.start(folder, db, "scheduler-killed", paused);
            assertThat(killed.awaitOutput("fault injection: pausing", START_AND_RUN))
                    .as("the job reaches its second rate chunk:\n%s", killed.output()).isTrue();
            killed.killMinus9();
            assertThat(killed.await(Duration.ofSeconds(30)).exitCode()).isEqualTo(137);

            // what the kill left: the tick claimed by a dead scheduler, the run marked as running
            assertThat(string(db, "SELECT status FROM scheduler_tick")).isEqualTo("RUNNING");
            assertThat(string(db, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'usageIngest'")).isEqualTo("STARTED");
            // the ingest step stored the 60 records rated (UNMATCHED: no subscription has their services),
            // which the rate step takes again: it was paused before its second chunk, not finished
            assertThat(count(db, "SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED'")).isEqualTo(60);
            assertThat(count(db, "SELECT COALESCE(SUM(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME LIKE 'ratePartition:%'")).as("rating not finished").isLessThan(60);

            List<String> clean = new java.util.ArrayList<>(scheduler(schedule));
            clean.add("--billing.chunk-size=2");
            BillingCommand.Running next = BillingCommand.start(folder, db, "scheduler-next", clean);
            awaitTick(db, "COMPLETED", next);
            next.terminate();
            BillingCommand.Ended ended = next.await(Duration.ofMinutes(1));
            assertThat(ended.timedOut()).isFalse();
            assertThat(ended.output()).contains("no longer running: resuming its run");

            // the same run (instance) resumed, not a second one; nothing stored twice
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'usageIngest'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'usageIngest' AND e.STATUS = 'COMPLETED'"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_record")).isEqualTo(60);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM ingested_file")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM scheduler_tick")).isEqualTo(1);
            assertThat(Files.exists(file)).as("the file left the inbox").isFalse();
            folder.delete();
        }
    }

    /**
     * 60 usage lines (services no subscription has: stored UNMATCHED) in the inbox; chunk size 2
     * makes the rate step's chunks 10 records: 6 chunks.
     */
    private static Path usageFile(CaseFolder folder) throws IOException {
        StringBuilder csv = new StringBuilder("record_id,source,service_id,usage_type,start_time,quantity\n");
        for (int i = 1; i <= 60; i++) {
            csv.append("kill-").append(i).append(",radius-mtl-1,nobody-").append(i % 7).append(",DATA,")
                    .append(LocalDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0)
                            .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                    .append(',').append(i * 1000).append('\n');
        }
        Path inbox = folder.home().resolve("inbox/usage");
        Files.createDirectories(inbox);
        CaseFolder.ownerOnly(folder.home().resolve("inbox"));
        CaseFolder.ownerOnly(inbox);
        Path file = inbox.resolve("usage-kill.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        CaseFolder.ownerOnly(file);
        return file;
    }

    @Test
    void sigtermStopsTheRunningJobAtItsChunkBoundaryAndTheNextStartResumesIt() throws Exception {
        CaseFolder folder = CaseFolder.create("scheduler-sigterm");
        try (MariaDbDatabase db = MariaDbDatabase.create("billing_sched")) {
            Path schedule = prepare(folder, db);
            Path file = usageFile(folder);
            // the second rate chunk takes 10 s (a slow chunk): SIGTERM arrives in the middle of it
            List<String> slow = new java.util.ArrayList<>(scheduler(schedule));
            // one rate partition, so "the chunk in progress" is one chunk (rate is partitioned now)
            slow.addAll(List.of("--billing.grid-size=1", "--billing.chunk-size=2", "--billing.fault.step=rate",
                    "--billing.fault.chunk=2",
                    "--billing.fault.action=pause", "--billing.fault.pause-seconds=10"));
            BillingCommand.Running first = BillingCommand.start(folder, db, "scheduler-sigterm", slow);
            assertThat(first.awaitOutput("fault injection: pausing", START_AND_RUN))
                    .as("the job reaches its second rate chunk:\n%s", first.output()).isTrue();
            first.terminate();
            BillingCommand.Ended ended = first.await(Duration.ofMinutes(2));
            assertThat(ended.timedOut()).as(ended.output()).isFalse();

            // whole chunks committed, then the job stopped before the end: the chunk in progress (the
            // second: 20 records rated) and, on MariaDB, one more (the stop is read inside the chunk
            // transaction, whose REPEATABLE READ snapshot predates it: the next chunk sees it)
            assertThat(string(db, "SELECT status FROM scheduler_tick")).isEqualTo("STOPPED");
            assertThat(string(db, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'usageIngest'")).isEqualTo("STOPPED");
            // (the records were stored rated, UNMATCHED, by the ingest step: the rate step's own commits tell)
            long rated = count(db, "SELECT COALESCE(SUM(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME LIKE 'ratePartition:%'");
            assertThat(rated).isBetween(20L, 30L);
            assertThat(rated % 10).as("whole chunks of 10").isZero();

            List<String> clean = new java.util.ArrayList<>(scheduler(schedule));
            clean.add("--billing.chunk-size=2");
            BillingCommand.Running next = BillingCommand.start(folder, db, "scheduler-next", clean);
            awaitTick(db, "COMPLETED", next);
            next.terminate();
            assertThat(next.await(Duration.ofMinutes(1)).timedOut()).isFalse();
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'usageIngest'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_record")).isEqualTo(60);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_record WHERE status = 'NEW'")).isZero();
            assertThat(Files.exists(file)).isFalse();
            folder.delete();
        }
    }

    /** Migrates the schema (run.sh status), makes the job known since two years ago, writes the schedule. */
    private static Path prepare(CaseFolder folder, MariaDbDatabase db) throws Exception {
        BillingCommand.Ended status = BillingCommand.run(folder, db, "status", Duration.ofMinutes(3), List.of("status"));
        assertThat(status.exitCode()).as(status.output()).isZero();
        try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO scheduler_job (job_name, known_since) VALUES ('ingest', ?)")) {
            insert.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusYears(2));
            insert.executeUpdate();
        }
        Path schedule = folder.root().resolve("schedules.yml");
        Files.writeString(schedule, SCHEDULE, StandardCharsets.UTF_8);
        return schedule;
    }

    private static List<String> scheduler(Path schedule) {
        return List.of("scheduler", "--file", schedule.toString(), "--billing.scheduler.poll=2s");
    }

    private static void awaitTick(MariaDbDatabase db, String status, BillingCommand.Running... schedulers)
            throws Exception {
        long deadline = System.nanoTime() + START_AND_RUN.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(db, "SELECT COUNT(*) FROM scheduler_tick WHERE status = '" + status + "'") > 0) {
                return;
            }
            for (BillingCommand.Running s : schedulers) {
                if (!s.isAlive()) {
                    throw new AssertionError("a scheduler ended:\n" + s.output());
                }
            }
            Thread.sleep(500);
        }
        StringBuilder outputs = new StringBuilder();
        for (BillingCommand.Running s : schedulers) {
            outputs.append(s.output()).append("\n----\n");
            s.killMinus9();
        }
        throw new AssertionError("no tick " + status + " within " + START_AND_RUN + ":\n" + outputs);
    }

    private static long count(MariaDbDatabase db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    private static String string(MariaDbDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
