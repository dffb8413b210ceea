package ca.isp.billing.jobs.support;

import java.time.Duration;
import java.util.Locale;

/**
 * The words of a long step's progress: items done of items to do, the rate and the time left.
 * Two shapes of the same figures: one line for a terminal, rewritten in place ({@code \r}, padded
 * so a shorter line wipes a longer one), and a key=value log line for cron's log, like StepLog's.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * For a terminal: {@code \r} then {@code render   1,234 / 10,000 (12%)  412.3/s  about 21 s left},
     * padded with spaces to {@code width}. Without a total (0 or less): the items done and the rate.
     */
    public static String terminal(String step, long done, long total, Duration elapsed, int width) {
        double rate = rate(done, elapsed);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %,d", step, done));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " / %,d (%d%%)", total, percent(done, total)));
        }
        line.append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (total > 0) {
            line.append(done >= total ? "  done" : rate > 0 ? "  about " + human(left(done, total, rate)) + " left" : "");
        }
        while (line.length() < width) {
            line.append(' ');
        }
        return "\r" + line;
    }

    /** For a log: {@code event=progress step=render done=1234 total=10000 percent=12 rate=412.3/s left=21s}. */
    public static String log(String step, long done, long total, Duration elapsed) {
        double rate = rate(done, elapsed);
        StringBuilder line = new StringBuilder("event=progress step=").append(step).append(" done=").append(done);
        if (total > 0) {
            line.append(" total=").append(total).append(" percent=").append(percent(done, total));
        }
        line.append(String.format(Locale.ROOT, " rate=%.1f/s", rate));
        if (total > 0 && rate > 0) {
            line.append(" left=").append(done >= total ? 0 : left(done, total, rate).toSeconds()).append('s');
        }
        return line.toString();
    }

    /** 45 s, 3 min 20 s, 2 h 05 min. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    private static double rate(long done, Duration elapsed) {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds > 0 ? done / seconds : 0;
    }

    private static int percent(long done, long total) {
        return (int) Math.min(100, done * 100 / total);
    }

    /** Rounded up to the second: "about 1 s left" until it is done. */
    private static Duration left(long done, long total, double rate) {
        return Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done) / rate));
    }
}
