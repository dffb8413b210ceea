package ca.isp.billing.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The billing pipeline: every command of run.sh ends up here (see cli.BillingCommandLine). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    private static final Logger log = LoggerFactory.getLogger(BillingApplication.class);

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(BillingApplication.class, args);
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

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
