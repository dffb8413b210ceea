package ca.isp.billing.jobs.handoff;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before trying a provider again: {@code first} after the first attempt, doubled after
 * each one, at most {@code longest}, and a random part of it (jitter: between half and all of it)
 * so that partitions turned away together do not come back together. When the provider said how
 * long to wait (a {@code Retry-After} header), that wait instead, but never more than
 * {@code longestAsked}: a provider asking for an hour leaves the row to the next run sooner.
 */
public class Backoff {

    private final Duration first;
    private final Duration longest;
    private final Duration longestAsked;

    public Backoff(Duration first, Duration longest, Duration longestAsked) {
        this.first = first;
        this.longest = longest;
        this.longestAsked = longestAsked;
    }

    /** The wait after attempt {@code attempt} (1, 2, ...). */
    public Duration after(int attempt) {
        long full = Math.min(longest.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    /**
     * The wait after attempt {@code attempt} when the provider asked for {@code asked} (no jitter:
     * the provider spreads its clients itself), else as {@link #after(int)}.
     */
    public Duration after(int attempt, Optional<Duration> asked) {
        return asked.map(wait -> wait.compareTo(longestAsked) > 0 ? longestAsked : wait).orElseGet(() -> after(attempt));
    }

    void pause(int attempt, Optional<Duration> asked) {
        sleep(after(attempt, asked));
    }

    /** Waits; a test's Backoff records the wait instead. */
    void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try Lob again", e);
        }
    }
}
