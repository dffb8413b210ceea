package ca.isp.billing.domain;

/**
 * A plan's included minutes for one usage period, counted in seconds: how many there are and how
 * many calls have used so far. Calls draw on them in the order they were made.
 */
public record IncludedMinutes(long allowedSeconds, long usedSeconds) {

    public static final IncludedMinutes NONE = new IncludedMinutes(0, 0);

    public IncludedMinutes {
        if (allowedSeconds < 0 || usedSeconds < 0 || usedSeconds > allowedSeconds) {
            throw new IllegalArgumentException("included seconds: " + usedSeconds + " used of " + allowedSeconds);
        }
    }

    public static IncludedMinutes of(long minutes) {
        return new IncludedMinutes(Math.multiplyExact(minutes, 60L), 0);
    }

    public long leftSeconds() {
        return allowedSeconds - usedSeconds;
    }

    /** The same with {@code seconds} more used (at most what is left). */
    public IncludedMinutes use(long seconds) {
        return new IncludedMinutes(allowedSeconds, usedSeconds + seconds);
    }
}
