package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.report.CycleStatus;

/**
 * An operator gives up on a failed cycle: status shows the step that failed with its reason
 * and the commands to type; abandon marks the run ABANDONED, after which the same bill is
 * refused (never resumed), and the next cycle is no longer held up by it.
 */
class AbandonCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    CycleStatus status;

    @Test
    void aFailedCycleIsShownWithWhatToTypeThenAbandonedAndNoLongerHoldsUpTheNextOne() throws Exception {
        CycleTestSupport.generateAndImport(importer, properties, 20, 3);
        faults.arm("tax", 1);
        try {
            assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.FAILED);
        } finally {
            faults.disarm();
        }
        LocalDate next = CYCLE.plusMonths(1);
        // the failed cycle holds up the next one
        assertThat(launcher.bill(next, CycleLauncher.Option.FORCE).result()).isEqualTo(Result.IN_THE_WAY);

        // status: each step with its items and rate, the failed one with its reason, and what to type
        String shown = status.ofCycle(CYCLE);
        assertThat(shown).contains("Steps of run 1", "per s", "skipped");
        assertThat(shown.lines().filter(l -> l.startsWith("  tax ")).findFirst().orElseThrow())
                .contains("FAILED").contains("IllegalStateException: fault injected in step tax at chunk 1");
        assertThat(shown.lines().filter(l -> l.startsWith("  charge ")).findFirst().orElseThrow())
                .contains("COMPLETED").containsPattern("COMPLETED +20 ");
        assertThat(shown).contains("next: ./run.sh bill --cycle-date " + CYCLE + "   (resumes at step tax",
                "./run.sh abandon --cycle-date " + CYCLE);
        assertThat(status.overview()).contains("next: ./run.sh bill --cycle-date " + CYCLE);

        // abandon
        long run = launcher.unfinishedRun(CYCLE).orElseThrow().getId();
        CycleOutcome abandoned = launcher.abandon(CYCLE);
        assertThat(abandoned.result()).isEqualTo(Result.COMPLETED);
        assertThat(abandoned.execution().getId()).isEqualTo(run);
        assertThat(abandoned.execution().getStatus()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(launcher.unfinishedRun(CYCLE)).isEmpty();
        assertThat(launcher.abandon(CYCLE).result()).isEqualTo(Result.REFUSED);
        assertThat(status.ofCycle(CYCLE)).contains("next: nothing: cycle " + CYCLE + " was abandoned");

        // never resumed: bill says so; what the run committed stays (charged drafts)
        CycleOutcome again = launcher.bill(CYCLE);
        assertThat(again.result()).isEqualTo(Result.IN_THE_WAY);
        assertThat(again.message()).contains("was abandoned");
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ?", CYCLE)).isPositive();
        // and the next cycle may start
        assertThat(launcher.bill(next, CycleLauncher.Option.FORCE).result()).isEqualTo(Result.COMPLETED);
    }
}
