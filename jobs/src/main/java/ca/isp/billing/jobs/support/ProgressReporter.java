package ca.isp.billing.jobs.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows one step's progress one way only: on a terminal, a line rewritten in place at most four
 * times a second and ended with a line feed when the step ends; elsewhere (cron, a pipe, a
 * file), a plain log line every {@code logEvery} and one at the end. Never both, so neither a
 * log file fills with carriage returns nor a terminal with repeated lines.
 */
public final class ProgressReporter {

    private static final long TERMINAL_EVERY = Duration.ofMillis(250).toNanos();

    private final String step;
    private final long total;
    private final boolean terminal;
    private final PrintStream out;
    private final Consumer<String> log;
    private final long logEvery;
    private final LongSupplier nanoTime;
    private final long started;
    private long done;
    private long lastShown;
    private int width;

    public ProgressReporter(String step, long total, boolean terminal, PrintStream out, Consumer<String> log,
                            Duration logEvery, LongSupplier nanoTime) {
        this.step = step;
        this.total = total;
        this.terminal = terminal;
        this.out = out;
        this.log = log;
        this.logEvery = logEvery.toNanos();
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastShown = started;
    }

    /** Items done since the last call (a chunk, from any partition's thread). */
    public synchronized void add(long items) {
        done += items;
        long now = nanoTime.getAsLong();
        if (now - lastShown >= (terminal ? TERMINAL_EVERY : logEvery)) {
            show(now);
        }
    }

    /** The step ended: the last figures ({@code counted}: the step's own count, when it knows better). */
    public synchronized void finish(long counted) {
        done = Math.max(done, counted);
        show(nanoTime.getAsLong());
        if (terminal) {
            out.println();
            out.flush();
        }
    }

    private void show(long now) {
        lastShown = now;
        Duration elapsed = Duration.ofNanos(now - started);
        if (terminal) {
            String line = ProgressLine.terminal(step, done, total, elapsed, width);
            width = Math.max(width, line.length() - 1);
            out.print(line);
            out.flush();
        } else {
            log.accept(ProgressLine.log(step, done, total, elapsed));
        }
    }
}
