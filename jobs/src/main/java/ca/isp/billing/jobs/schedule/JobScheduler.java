package ca.isp.billing.jobs.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.schedule.SchedulerTicks.Tick;

/**
 * The built-in scheduler ({@code run.sh scheduler}): runs the jobs of {@code schedules.yml} at
 * their cron times through the same launchers as the command line, so the run guard keeps it,
 * cron and operators from running two jobs at once. One thread: this scheduler runs one job at a
 * time.
 *
 * <ul>
 * <li>A tick is run by the scheduler that claims it (a row keyed by job and time, V22): two
 * schedulers on one database run it once.</li>
 * <li>Ticks missed while no scheduler ran (the machine was down) are caught up once on the next
 * start (the latest of them), when the job says {@code catch-up: true}; either way an alert says
 * so.</li>
 * <li>A tick whose run fails is reported (alert); the next tick resumes it first when the job
 * says {@code retry-failed: true}, else skips until an operator has resumed it.</li>
 * <li>A tick another run was in the way of is tried again every poll until the job's next tick.</li>
 * <li>A tick left RUNNING by a scheduler that died (kill -9) or STOPPED by SIGTERM is taken over
 * and resumed by a live scheduler: the launcher recovers its run and resumes it where it stopped.</li>
 * <li>SIGTERM: no new tick starts, the running job stops at its chunk boundary
 * ({@link ca.isp.billing.jobs.cli.GracefulStop}), the tick is left STOPPED for the next start.</li>
 * </ul>
 */
@Component
public class JobScheduler {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** At most this many missed ticks are counted (a per-second cron after a long downtime). */
    private static final int MISSED_LIMIT = 100_000;

    private final CycleLauncher cycles;
    private final CollectionsLauncher collections;
    private final UsageIngestLauncher ingest;
    private final JobRepository jobRepository;
    private final SchedulerTicks ticks;
    private final SchedulerPresence presence;
    private final OperatorAlerts alerts;
    private final AttentionCheck attention;
    private final Duration poll;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean tickInFlight;
    private volatile List<Schedule> schedules = List.of();
    private ThreadPoolTaskScheduler tasks;

    public JobScheduler(CycleLauncher cycles, CollectionsLauncher collections, UsageIngestLauncher ingest,
                        JobRepository jobRepository, SchedulerTicks ticks, SchedulerPresence presence,
                        OperatorAlerts alerts, AttentionCheck attention,
                        @Value("${billing.scheduler.poll:60s}") Duration poll) {
        this.cycles = cycles;
        this.collections = collections;
        this.ingest = ingest;
        this.jobRepository = jobRepository;
        this.ticks = ticks;
        this.presence = presence;
        this.alerts = alerts;
        this.attention = attention;
        this.poll = poll;
    }

    /** Runs the schedules of the file until {@link #stop()} (SIGTERM); returns once the running job has stopped. */
    public void run(Path file) throws IOException, SQLException, InterruptedException {
        schedules = Schedules.read(file);
        presence.announce();
        tasks = new ThreadPoolTaskScheduler();
        tasks.setPoolSize(1);
        tasks.setThreadNamePrefix("scheduler-");
        tasks.setWaitForTasksToCompleteOnShutdown(true);
        tasks.setAwaitTerminationSeconds(150);
        tasks.initialize();
        // on shutdown, ticks due later are dropped, not run
        tasks.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        Instant now = Instant.now();
        log.info("Scheduler {} started with {} ({} jobs).", presence.self(), file, schedules.size());
        for (Schedule s : schedules) {
            log.info("  {}: {} at \"{}\" ({}), retry-failed {}, catch-up {}; next {}", s.name(),
                    s.commandLine(s.businessDate(now)), s.cron(), s.zone(), s.retryFailed(), s.catchUp(),
                    Optional.ofNullable(s.next(now)).map(TIME::format).orElse("never"));
        }
        tasks.execute(this::onStart);
        for (Schedule s : schedules) {
            scheduleNext(s, now);
        }
        tasks.scheduleWithFixedDelay(this::housekeeping, now.plus(poll), poll);
        stopRequested.await();
        log.info("Scheduler {} stopping: no new job starts; waiting for the running one to stop at its chunk"
                + " boundary.", presence.self());
        tasks.shutdown(); // waits for the tick in flight, which GracefulStop stops
        presence.close();
        log.info("Scheduler {} stopped.", presence.self());
    }

    /** SIGTERM (GracefulStop): no new tick; returns 1 while a tick runs (its job is being stopped), else 0. */
    public int stop() {
        stopping = true;
        stopRequested.countDown();
        return tickInFlight ? 1 : 0;
    }

    /** At start: ticks left by dead schedulers first, then the missed ones. */
    void onStart() {
        housekeeping();
        for (Schedule s : schedules) {
            if (stopping) {
                return;
            }
            try {
                catchUp(s, Instant.now());
            } catch (RuntimeException e) {
                log.error("catch-up of {} failed: {}", s.name(), e.getMessage(), e);
            }
        }
    }

    private void scheduleNext(Schedule s, Instant after) {
        if (stopping || tasks == null) {
            return;
        }
        Instant now = Instant.now();
        Instant next = s.next(after);
        if (next != null && next.isBefore(now)) {
            // ticks that passed while this scheduler ran another job: the latest of them, now
            next = s.ticksBetween(after, now, MISSED_LIMIT).last();
        }
        if (next == null) {
            log.warn("{}: its cron expression fires no more", s.name());
            return;
        }
        Instant at = next;
        tasks.schedule(() -> fire(s, at), at);
    }

    /** A tick at its time (package-private: tests fire ticks without waiting for them). */
    void fire(Schedule s, Instant at) {
        try {
            if (stopping) {
                return;
            }
            LocalDate date = s.businessDate(at);
            if (!ticks.claim(s.name(), at, date, presence.self(), SchedulerTicks.RUNNING, null)) {
                log.info("event=tick job={} scheduled={} claimed-by-another-scheduler", s.name(), TIME.format(at));
                return;
            }
            run(s, ticks.find(s.name(), at).orElseThrow());
        } catch (RuntimeException e) {
            log.error("tick {} of {} broke off: {}", TIME.format(at), s.name(), e.getMessage(), e);
        } finally {
            scheduleNext(s, at);
        }
    }

    /** Before a claimed tick: the job's failed ticks, resumed (retry-failed) or waited for. */
    private void run(Schedule s, Tick tick) {
        for (Tick failed : ticks.failed(s.name())) {
            if (failed.id() == tick.id()) {
                continue;
            }
            if (finishedSince(failed)) {
                ticks.finish(failed.id(), SchedulerTicks.COMPLETED, null, "finished since by another run");
                continue;
            }
            if (!s.retryFailed()) {
                String message = "not run: the run of " + failed.businessDate() + " (tick " + TIME.format(failed.scheduledAt())
                        + ") failed and waits for an operator (retry-failed: false): "
                        + s.commandLine(failed.businessDate());
                ticks.finish(tick.id(), SchedulerTicks.SKIPPED, null, message);
                log.warn("event=tick job={} scheduled={} status=SKIPPED {}", s.name(), TIME.format(tick.scheduledAt()),
                        message);
                alerts.raise("skipped:" + s.name() + ":" + tick.scheduledAt(), "Billing: scheduled " + s.name()
                        + " of " + tick.businessDate() + " did not run", message);
                alerts.sendPending();
                return;
            }
            if (ticks.takeOver(failed, presence.self())) {
                log.info("{}: retrying the failed run of {} first (retry-failed: true)", s.name(), failed.businessDate());
                execute(s, failed);
            }
        }
        execute(s, tick);
    }

    /** Runs a claimed tick's job through its launcher and records what became of it. */
    private void execute(Schedule s, Tick tick) {
        tickInFlight = true;
        try {
            LocalDate date = tick.businessDate();
            CycleOutcome outcome;
            try {
                outcome = switch (s.command()) {
                    case INGEST -> ingest.ingest();
                    case BILL -> cycles.bill(date);
                    case COLLECTIONS -> collections.collect(date);
                };
            } catch (RuntimeException e) {
                log.error("{} of {} could not run", s.name(), date, e);
                outcome = new CycleOutcome(date, CycleOutcome.Result.FAILED, s.name() + " of " + date
                        + " could not run: " + e.getMessage(), null);
            }
            JobExecution execution = outcome.execution();
            String status = switch (outcome.result()) {
                case COMPLETED, ALREADY_COMPLETED -> SchedulerTicks.COMPLETED;
                case FAILED, REFUSED -> SchedulerTicks.FAILED;
                case STOPPED -> SchedulerTicks.STOPPED;
                case IN_THE_WAY -> SchedulerTicks.IN_THE_WAY;
            };
            ticks.finish(tick.id(), status, execution == null ? null : execution.getId(), outcome.message());
            log.info("event=tick job={} scheduled={} date={} status={} execution={}", s.name(),
                    TIME.format(tick.scheduledAt()), date, status, execution == null ? "-" : execution.getId());
            if (status.equals(SchedulerTicks.FAILED)) {
                // keyed as AttentionCheck keys a failed run: one alert for one failure
                String key = execution == null ? "tick-failed:" + s.name() + ":" + tick.scheduledAt()
                        : "run-failed:" + execution.getJobInstance().getJobName() + ":" + execution.getId();
                alerts.raise(key, "Billing: scheduled " + s.name() + " of " + date + " failed", outcome.message()
                        + "\n" + (s.retryFailed() ? "The next tick resumes it (retry-failed: true); or now: "
                        : "It waits for you (retry-failed: false): ") + s.commandLine(date));
                alerts.sendPending();
            }
        } finally {
            tickInFlight = false;
        }
    }

    /** A failed tick whose run an operator (or cron) resumed to the end since, or abandoned. */
    private boolean finishedSince(Tick failed) {
        if (failed.jobExecutionId() == null) {
            return false;
        }
        JobExecution execution = jobRepository.getJobExecution(failed.jobExecutionId());
        if (execution == null) {
            return true;
        }
        BatchStatus last = jobRepository.getLastJobExecution(execution.getJobInstance()).getStatus();
        return last == BatchStatus.COMPLETED || last == BatchStatus.ABANDONED;
    }

    /** The ticks missed while no scheduler ran: the latest run once (catch-up) or only reported. */
    void catchUp(Schedule s, Instant now) {
        Instant since = ticks.knownSince(s.name(), now);
        Optional<Instant> latest = ticks.latest(s.name());
        if (latest.isPresent() && latest.get().isAfter(since)) {
            since = latest.get();
        }
        Schedule.Ticks missed = s.ticksBetween(since, now, MISSED_LIMIT);
        if (missed.count() == 0) {
            return;
        }
        Instant last = missed.last();
        LocalDate date = s.businessDate(last);
        String when = missed.count() == 1 ? "at " + TIME.format(last) : missed.count() + " times from "
                + TIME.format(missed.first()) + " to " + TIME.format(last);
        if (s.catchUp()) {
            if (!ticks.claim(s.name(), last, date, presence.self(), SchedulerTicks.RUNNING, "catch-up of " + when)) {
                return; // another scheduler starting at the same time caught it up
            }
            log.warn("{}: did not run {} (no scheduler was running): catching up once, {}", s.name(), when,
                    s.commandLine(date));
            alerts.raise("missed:" + s.name() + ":" + last, "Billing: scheduled " + s.name() + " did not run " + when,
                    "No scheduler was running " + when + ". Caught up once now (catch-up: true): "
                            + s.commandLine(date) + ". A failure of that run is another alert.");
            alerts.sendPending();
            run(s, ticks.find(s.name(), last).orElseThrow());
        } else if (ticks.claim(s.name(), last, date, null, SchedulerTicks.MISSED, "not run " + when + " (catch-up: false)")) {
            log.warn("{}: did not run {} (no scheduler was running); catch-up: false, so not run now", s.name(), when);
            alerts.raise("missed:" + s.name() + ":" + last, "Billing: scheduled " + s.name() + " did not run " + when,
                    "No scheduler was running " + when + ". Not caught up (catch-up: false); if it is needed: "
                            + s.commandLine(date));
            alerts.sendPending();
        }
    }

    /** Every poll: ticks of dead or stopped schedulers resumed, ticks in the way tried again, what waits reported. */
    void housekeeping() {
        if (stopping) {
            return;
        }
        try {
            presence.keepAlive();
            for (String status : List.of(SchedulerTicks.RUNNING, SchedulerTicks.STOPPED)) {
                for (Tick tick : ticks.withStatus(status)) {
                    Optional<Schedule> s = schedule(tick.job());
                    // a live scheduler's RUNNING tick is its own business; a STOPPED one of ours (our
                    // job was stopped from outside, not by our own SIGTERM) is resumed too
                    boolean oursStopped = status.equals(SchedulerTicks.STOPPED) && presence.self().equals(tick.owner());
                    if (stopping || s.isEmpty() || (presence.alive(tick.owner()) && !oursStopped)) {
                        continue;
                    }
                    if (ticks.takeOver(tick, presence.self())) {
                        log.warn("{}: the tick of {} was left {} by scheduler {}, no longer running: resuming its run",
                                tick.job(), TIME.format(tick.scheduledAt()), status, tick.owner());
                        execute(s.get(), tick);
                    }
                }
            }
            for (Tick tick : ticks.withStatus(SchedulerTicks.IN_THE_WAY)) {
                Optional<Schedule> s = schedule(tick.job());
                if (stopping || s.isEmpty()) {
                    continue;
                }
                Instant next = s.get().next(tick.scheduledAt());
                if (next != null && !Instant.now().isBefore(next)) {
                    ticks.finish(tick.id(), SchedulerTicks.MISSED, null, "another run was in the way until the next"
                            + " tick: " + tick.message());
                    alerts.raise("missed:" + tick.job() + ":" + tick.scheduledAt(), "Billing: scheduled " + tick.job()
                            + " of " + tick.businessDate() + " did not run", "Another run held the run guard from "
                            + TIME.format(tick.scheduledAt()) + " until the job's next tick: " + tick.message()
                            + "\nBy hand: " + s.get().commandLine(tick.businessDate()));
                } else if (ticks.takeOver(tick, presence.self())) {
                    execute(s.get(), tick);
                }
            }
            attention.check();
        } catch (RuntimeException e) {
            log.error("scheduler housekeeping failed (tried again in {}): {}", poll, e.getMessage(), e);
        }
    }

    private Optional<Schedule> schedule(String job) {
        return schedules.stream().filter(s -> s.name().equals(job)).findFirst();
    }
}
