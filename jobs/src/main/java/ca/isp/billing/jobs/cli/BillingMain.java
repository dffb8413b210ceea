package ca.isp.billing.jobs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import ca.isp.billing.jobs.BillingApplication;

/** The process: every command of run.sh ends up here (see BillingCommandLine). */
public final class BillingMain {

    private static final Logger log = LoggerFactory.getLogger(BillingMain.class);
    /** How long a SIGTERM waits for the running chunks to finish before the process goes. */
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);
    /** org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 (H2 is a runtime dependency only). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private BillingMain() {
    }

    public static void main(String[] args) {
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        SpringApplication application = new SpringApplication(BillingApplication.class);
        // Not Spring's hook, which would close the database under a running cycle: ours first
        // stops the cycle at a chunk boundary (STOPPED, resumable by the same command).
        application.setRegisterShutdownHook(false);
        application.addListeners((ApplicationListener<ApplicationStartedEvent>) e -> started.set(e.getApplicationContext()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(started.get()), "graceful-stop"));

        ConfigurableApplicationContext context;
        try {
            context = application.run(withMode(args));
        } catch (Throwable e) {
            if (embeddedDatabaseInUse(e)) {
                log.debug("could not start: the embedded database is in use", e);
                // H2's file lock: another billing command has the embedded database open.
                System.err.println("error: another billing command is using the embedded database (only one at a"
                        + " time); wait for it to finish, then run this command again");
                System.exit(BillingCommandLine.IN_THE_WAY);
                return;
            }
            // One clear line for the operator; the log file keeps the stack trace.
            log.error("could not start", e);
            System.err.println("error: could not start: " + rootCause(e).getMessage());
            System.exit(1);
            return;
        }
        // The exit code comes from the command (ExitCodeGenerator): 0 done, non-zero failed.
        System.exit(SpringApplication.exit(context));
    }

    /**
     * Where partitions run is decided before the application starts (the beans differ):
     * {@code worker} runs as a remote worker (billing.mode=worker), {@code --workers remote} on
     * bill or rerun makes this process the manager of remote workers (billing.mode=remote).
     */
    static String[] withMode(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && all.get(0).equals("worker")) {
            all.add("--billing.mode=worker");
        }
        int workers = all.indexOf("--workers");
        if (all.contains("--workers=remote") || (workers >= 0 && workers + 1 < all.size()
                && all.get(workers + 1).equals("remote"))) {
            all.add("--billing.mode=remote");
        }
        return all.toArray(String[]::new);
    }

    private static void stopGracefully(ConfigurableApplicationContext context) {
        if (context == null || !context.isActive()) {
            return;
        }
        try {
            if (context.getBean(GracefulStop.class).stopRunning() > 0) {
                System.err.println("Stopping: finishing the chunks in progress (up to " + STOP_GRACE.toMinutes()
                        + " minutes)...");
                context.getBean(BillingCommandLine.class).awaitDone(STOP_GRACE);
            }
        } catch (Exception e) {
            log.warn("graceful stop incomplete: {}", e.getMessage());
        } finally {
            context.close();
        }
    }

    /** H2's "Database may be already in use" (error 90020): the file is locked by another process. */
    private static boolean embeddedDatabaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
