package ca.isp.billing.domain;

/** Turns a raw usage quantity into billable units: bytes stay bytes, call seconds become started minutes. */
public final class UsageRater {

    private static final long SECONDS_PER_MINUTE = 60;

    private UsageRater() {
    }

    /** DATA: bytes unchanged. VOICE: every started minute counts, so 61 s is 2 minutes and 0 s is none. */
    public static long billableUnits(UsageType type, long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException(type + " quantity is negative: " + quantity);
        }
        return switch (type) {
            case DATA -> quantity;
            case VOICE -> quantity / SECONDS_PER_MINUTE + (quantity % SECONDS_PER_MINUTE == 0 ? 0 : 1);
        };
    }

    /** The unit of {@link #billableUnits}: "bytes" or "minutes". */
    public static String unit(UsageType type) {
        return switch (type) {
            case DATA -> "bytes";
            case VOICE -> "minutes";
        };
    }
}
