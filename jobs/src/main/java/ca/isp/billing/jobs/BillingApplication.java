package ca.isp.billing.jobs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The billing pipeline: every command of run.sh ends up here (see cli.BillingCommandLine). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    public static void main(String[] args) {
        // The exit code comes from the command (ExitCodeGenerator): 0 done, non-zero failed.
        System.exit(SpringApplication.exit(SpringApplication.run(BillingApplication.class, args)));
    }
}
