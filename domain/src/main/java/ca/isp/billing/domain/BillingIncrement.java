package ca.isp.billing.domain;

/**
 * How a call's talk time is counted: a first block of {@code firstSeconds}, then blocks of
 * {@code nextSeconds}, each block started counted whole ("30/6": a 61 s call is 30 + 6 x 6 = 66 s;
 * "60/60" is started minutes; "1/1" is to the second). No talk time counts nothing.
 */
public record BillingIncrement(int firstSeconds, int nextSeconds) {

    /** An hour: a block longer than this is a typo in a rate file. */
    public static final int MAX_SECONDS = 3600;

    public static final BillingIncrement PER_MINUTE = new BillingIncrement(60, 60);

    public BillingIncrement {
        if (firstSeconds < 1 || firstSeconds > MAX_SECONDS || nextSeconds < 1 || nextSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("increments are 1 to " + MAX_SECONDS + " seconds: " + firstSeconds + "/"
                    + nextSeconds);
        }
    }

    /** The seconds billed for {@code talkSeconds} of talk. */
    public long billedSeconds(long talkSeconds) {
        if (talkSeconds < 0) {
            throw new IllegalArgumentException("negative talk time: " + talkSeconds);
        }
        if (talkSeconds == 0) {
            return 0;
        }
        if (talkSeconds <= firstSeconds) {
            return firstSeconds;
        }
        long after = talkSeconds - firstSeconds;
        long blocks = after / nextSeconds + (after % nextSeconds == 0 ? 0 : 1);
        return firstSeconds + blocks * nextSeconds;
    }

    /** "30/6". */
    @Override
    public String toString() {
        return firstSeconds + "/" + nextSeconds;
    }
}
