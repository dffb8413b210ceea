package ca.isp.billing.jobs.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * A review decision is not taken while a billing run holds the run guard: a payment run reading an
 * invoice as open while a void commits could pay a voided invoice. It is refused, nothing changed.
 */
class ReviewDeskGuardTest {

    @Test
    void aDecisionDuringARunIsRefused() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            RunGuard guard = run.bean(RunGuard.class);
            ReviewDesk desk = run.bean(ReviewDesk.class);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            // another thread is the run (the guard is re-entrant within a thread)
            Thread billing = new Thread(() -> {
                try (RunGuard.Held ignored = guard.tryAcquire().orElseThrow()) {
                    held.countDown();
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            billing.start();
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                LocalDate cycle = LocalDate.of(2026, 11, 1);
                assertThatThrownBy(() -> desk.release(cycle, List.of(), "alice"))
                        .isInstanceOf(ReviewDesk.Refused.class).hasMessageContaining("a billing run is in progress");
                assertThatThrownBy(() -> desk.voidInvoices(cycle, List.of("F-2026-000001"), "typo", "alice"))
                        .isInstanceOf(ReviewDesk.Refused.class).hasMessageContaining("a billing run is in progress");
            } finally {
                done.countDown();
                billing.join();
            }
            // once the run has ended, the desk decides (here: nothing held, nothing released)
            assertThat(desk.release(LocalDate.of(2026, 11, 1), List.of(), "alice")).isZero();
        }
    }
}
