package ca.isp.billing.jobs.report;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.BillingCycleJob;

/** The step times of the run summary say what each attempt of a step really did. */
class CycleReportTest {

    @Test
    void aPartitionedStepKilledMidwayShowsWhatItsPartitionsCommitted() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(40, 3);
            long dueBefore = due(run);
            // Given the charge step (2 partitions, chunks of 8) stops on its 3rd chunk, and the
            // database then looks as a kill -9 leaves it: the manager step never added up its
            // partitions (0 read, 0 written), the run and the step still STARTED
            run.faults().arm("charge", 3);
            assertThat(run.bill()).isEqualTo(Result.FAILED);
            run.faults().disarm();
            long charged = dueBefore - due(run);
            run.jdbc().update("""
                    UPDATE BATCH_STEP_EXECUTION SET READ_COUNT = 0, WRITE_COUNT = 0, STATUS = 'STARTED', END_TIME = NULL
                    WHERE STEP_NAME = 'charge'""");
            run.jdbc().update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");

            // When the same command resumes it
            assertThat(run.bean(CycleLauncher.class).bill(CYCLE).result()).isEqualTo(Result.COMPLETED);
            List<CycleReport.StepTime> times = CycleReport.stepTimes(
                    BillingCycleJob.executionsOf(run.bean(JobRepository.class), CYCLE));

            // then run 1's charge shows the accounts its partitions charged before the kill (at least
            // the two chunks of 8 before the third; the partition that did not stop charged all its
            // accounts), not 0; and run 2's charge the rest
            List<CycleReport.StepTime> charge = times.stream().filter(t -> t.step().equals("charge")).toList();
            assertThat(charge).extracting(CycleReport.StepTime::run).containsExactly(1, 2);
            assertThat(charge.get(0).written()).isEqualTo(charged).isGreaterThanOrEqualTo(16);
            assertThat(charge.get(1).written()).isEqualTo(dueBefore - charged);
        }
    }

    private static long due(BillingRun run) {
        return run.jdbc().queryForObject("SELECT COUNT(*) FROM account WHERE next_bill_date <= ?", Long.class, CYCLE);
    }
}
