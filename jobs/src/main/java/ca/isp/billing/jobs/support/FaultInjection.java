package ca.isp.billing.jobs.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes a chosen step fail on its Nth chunk, to prove restarts (the fault suite and the
 * restart tests use it). Disarmed unless {@code billing.fault.step} is set or a test arms it.
 * Counts chunks across all partitions of the step.
 */
@Component
public class FaultInjection {

    private volatile String step;
    private volatile int failOnChunk;
    private final AtomicInteger chunks = new AtomicInteger();

    public FaultInjection(@Value("${billing.fault.step:}") String step,
                          @Value("${billing.fault.chunk:0}") int failOnChunk) {
        arm(step, failOnChunk);
    }

    public void arm(String step, int failOnChunk) {
        this.step = step == null || step.isBlank() ? null : step;
        this.failOnChunk = failOnChunk;
        chunks.set(0);
    }

    public void disarm() {
        arm(null, 0);
    }

    /** A write listener for the named step: throws before writing the armed chunk. */
    public <T> ItemWriteListener<T> listenerFor(String stepName) {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends T> items) {
                if (stepName.equals(step) && chunks.incrementAndGet() == failOnChunk) {
                    throw new IllegalStateException("fault injected in step " + stepName + " at chunk " + failOnChunk);
                }
            }
        };
    }
}
