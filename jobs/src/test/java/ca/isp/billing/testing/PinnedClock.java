package ca.isp.billing.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Outside the application's scanned packages, so each test application lists it once.
 * Today, for every test application: 2026-11-20, nineteen days after the tests' usual cycle
 * date 2026-11-01. Tests assert business dates against {@link #TODAY}, never against the
 * machine's date.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClock {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    public static final ZoneId ZONE = ZoneId.of("America/Toronto");

    @Bean
    @Primary
    public Clock pinnedToday() {
        return Clock.fixed(TODAY.atTime(9, 30).atZone(ZONE).toInstant(), ZONE);
    }
}
