package ca.isp.billing.jobs;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The billing pipeline's Spring application: every package below this one is scanned. The
 * process starts in {@code cli.BillingMain}; this package depends on no other of ours.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    /**
     * Where "today" comes from for every business date (the date guard, the day a held invoice
     * is released, the demo's default cycle). Tests pin it. Audit timestamps (ingested_at,
     * rendered_at, sent_at) stay on the system time, as Spring Batch's own start and end times do.
     */
    @Bean
    public Clock clock() {
        return Clock.systemDefaultZone();
    }
}
