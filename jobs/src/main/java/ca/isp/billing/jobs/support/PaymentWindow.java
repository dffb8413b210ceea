package ca.isp.billing.jobs.support;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The payments a billing cycle counts (reconciliation) and journals: those of the payment files
 * ingested after the previous cycle's payments step and up to its own, as its first run did them
 * (resumes included). A daily collections run between two cycles applies payments outside any
 * cycle: they count with the next cycle. A rerun of the cycle, whenever it runs, changes neither
 * bound, so it neither counts again nor journals what was received after the cycle; files a rerun
 * ingests itself count with the next cycle.
 *
 * @param after the previous cycle's payments step end (exclusive), or the beginning of time
 * @param upTo  this cycle's payments step end (inclusive), or the end of time while it has not run
 */
public record PaymentWindow(Timestamp after, Timestamp upTo) {

    /** The step whose end closes a cycle's payments (BillingCycleJobConfiguration#payments). */
    static final String PAYMENTS_STEP = "payments";
    private static final Timestamp BEGINNING = Timestamp.valueOf(LocalDateTime.of(1970, 1, 1, 0, 0));
    private static final Timestamp END = Timestamp.valueOf(LocalDateTime.of(9999, 12, 31, 0, 0));

    public static PaymentWindow of(JobRepository repository, LocalDate cycleDate) {
        // per cycle date, when its first run's payments step completed
        TreeMap<LocalDate, LocalDateTime> closed = new TreeMap<>();
        for (JobInstance instance : repository.getJobInstances(BillingCycleJob.NAME, 0, Integer.MAX_VALUE)) {
            for (JobExecution execution : repository.getJobExecutions(instance)) {
                if (BillingCycleJob.rerun(execution) != null) {
                    continue;
                }
                for (StepExecution step : execution.getStepExecutions()) {
                    if (step.getStepName().equals(PAYMENTS_STEP) && step.getStatus() == BatchStatus.COMPLETED
                            && step.getEndTime() != null) {
                        closed.merge(BillingCycleJob.cycleDate(execution), step.getEndTime(),
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
        }
        Map.Entry<LocalDate, LocalDateTime> previous = closed.lowerEntry(cycleDate);
        LocalDateTime own = closed.get(cycleDate);
        return new PaymentWindow(previous == null ? BEGINNING : Timestamp.valueOf(previous.getValue()),
                own == null ? END : Timestamp.valueOf(own));
    }
}
