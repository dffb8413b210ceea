package ca.isp.billing.jobs.handoff;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before trying a provider again: {@code first} after the first attempt, doubled after
 * each one, at most {@code longest}, and a random part of it (jitter: between half and all of it)
 * so that partitions turned away together do not come back together.
 */
public class Backoff {

    private final Duration first;
    private final Duration longest;

    public Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
    }

    /** The wait after attempt {@code attempt} (1, 2, ...). */
    public Duration after(int attempt) {
        long full = Math.min(longest.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    void pause(int attempt) {
        try {
            Thread.sleep(after(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try Lob again", e);
        }
    }
}
