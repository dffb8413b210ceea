package ca.isp.billing.jobs.cli;

import java.time.Duration;
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
            context = application.run(args);
        } catch (Throwable e) {
            // One clear line for the operator; the log file keeps the stack trace.
            log.error("could not start", e);
            System.err.println("error: could not start: " + rootCause(e).getMessage());
            System.exit(1);
            return;
        }
        // The exit code comes from the command (ExitCodeGenerator): 0 done, non-zero failed.
        System.exit(SpringApplication.exit(context));
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

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
