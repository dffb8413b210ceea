package ca.isp.billing.jobs.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Restart drills (the restart tests and the reliability suite use it): makes a chosen step
 * misbehave on its Nth chunk, counted across all partitions of the step, just before the chunk
 * is written. Disarmed unless {@code billing.fault.step} is set or a test arms it.
 *
 * <p>What happens there ({@code billing.fault.action}): {@code fail} throws (the step fails, the
 * chunk rolls back); {@code halt} ends the process at once, as kill -9 does (no shutdown hook,
 * no rollback, nothing flushed); {@code pause} sleeps {@code billing.fault.pause-seconds}, so a
 * test can act while a run is in progress (a second command, a signal).
 *
 * <p>{@link #point(String)} marks named moments between a commit and what depends on it, or
 * between an effect outside the database and its commit; with {@code billing.fault.halt-at} set
 * to a point's name the process halts there: {@code usage-committed} and
 * {@code payments-committed} (an inbox file's records committed, the file not yet archived),
 * {@code usage-archived} and {@code payments-archived} (archived, not yet deleted from the inbox),
 * {@code render-written} (a chunk's PDFs written, their rows not committed),
 * {@code handoff-written} (letters and emails written, not yet SENT), {@code handed-over-<courier>}
 * ({@code handed-over-lob}, {@code handed-over-smtp}, ...: a courier took one delivery, its row not
 * yet SENT, the window no SMTP client can close), {@code manifest-written}
 * and {@code report-written} (the manifest or the run summary written, the step not committed).
 * The reliability suite (jobs/src/test/java/ca/isp/billing/reliability) halts at each of them.
 * A test can also make the Nth pass through a point fail in the process ({@link #armPoint}).
 */
@Component
public class FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);
    /** The exit status of a process killed by signal 9, which is what a halt stands for. */
    private static final int KILLED = 137;

    public enum Action { FAIL, HALT, PAUSE }

    private volatile String step;
    private volatile int onChunk;
    private volatile Action action = Action.FAIL;
    private volatile int pauseSeconds;
    private volatile String haltAt;
    private volatile String failAt;
    private volatile int failAtPass;
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger passes = new AtomicInteger();

    public FaultInjection(@Value("${billing.fault.step:}") String step,
                          @Value("${billing.fault.chunk:0}") int onChunk,
                          @Value("${billing.fault.action:fail}") String action,
                          @Value("${billing.fault.pause-seconds:30}") int pauseSeconds,
                          @Value("${billing.fault.halt-at:}") String haltAt) {
        arm(step, onChunk, Action.valueOf(action.trim().toUpperCase()));
        this.pauseSeconds = pauseSeconds;
        this.haltAt = haltAt == null || haltAt.isBlank() ? null : haltAt.trim();
    }

    /** A disarmed instance, for code run outside a configured application (unit tests). */
    public static FaultInjection none() {
        return new FaultInjection("", 0, "fail", 0, "");
    }

    /** Fails the named step's Nth chunk. */
    public void arm(String step, int failOnChunk) {
        arm(step, failOnChunk, Action.FAIL);
    }

    public void arm(String step, int onChunk, Action action) {
        this.step = step == null || step.isBlank() ? null : step;
        this.onChunk = onChunk;
        this.action = action;
        chunks.set(0);
    }

    public void disarm() {
        arm(null, 0);
        haltAt = null;
        failAt = null;
    }

    /** Fails the {@code onPass}th pass through the named point (counted across threads): an in-process kill drill. */
    public void armPoint(String name, int onPass) {
        failAt = name;
        failAtPass = onPass;
        passes.set(0);
    }

    /** A write listener for the named step: acts before writing the armed chunk. */
    public <T> ItemWriteListener<T> listenerFor(String stepName) {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends T> items) {
                if (stepName.equals(step) && chunks.incrementAndGet() == onChunk) {
                    act("step " + stepName + " at chunk " + onChunk);
                }
            }
        };
    }

    /** A named moment of the cycle: the process halts here when {@code billing.fault.halt-at} names it. */
    public void point(String name) {
        if (name.equals(haltAt)) {
            halt("point " + name);
        }
        if (name.equals(failAt) && passes.incrementAndGet() == failAtPass) {
            throw new IllegalStateException("fault injected at point " + name + ", pass " + failAtPass);
        }
    }

    private void act(String where) {
        switch (action) {
            case FAIL -> throw new IllegalStateException("fault injected in " + where);
            case HALT -> halt(where);
            case PAUSE -> {
                log.warn("fault injection: pausing {} s in {}", pauseSeconds, where);
                try {
                    Thread.sleep(pauseSeconds * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void halt(String where) {
        System.err.println("fault injection: halting the process in " + where + " (as kill -9)");
        System.err.flush();
        Runtime.getRuntime().halt(KILLED);
    }
}
