package ca.isp.billing.jobs.handoff;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.jobs.support.BillingCycleJob;

/**
 * After the hand-off step: a step that completed with deliveries not handed over (a provider
 * that did not answer, a refusal, a fault of ours) says so with their count, in a warning and in
 * the step's exit description, and says which command sends them: the cycle is complete, so
 * the same {@code bill} would do nothing. The deliveries of invoices held for review wait for an
 * operator's decision, not for a fix: they are counted by the review gate, not here.
 */
public class HandoffLeftovers implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(HandoffLeftovers.class);

    private final JdbcTemplate jdbc;

    public HandoffLeftovers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        LocalDate cycleDate = stepExecution.getJobParameters().getLocalDate(BillingCycleJob.CYCLE_DATE);
        Map<DeliveryStatus, Long> left = new EnumMap<>(DeliveryStatus.class);
        jdbc.query("""
                SELECT d.status, COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                WHERE i.cycle_date = ? AND d.status NOT IN (?, ?) AND COALESCE(i.review_status, '') <> 'HELD' GROUP BY d.status""",
                rs -> {
                    left.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, cycleDate, DeliveryStatus.SENT.name(), DeliveryStatus.VOID.name());
        if (left.isEmpty()) {
            return null;
        }
        String counts = String.format("%d deliveries not handed over: %d pending, %d needing attention, %d failed",
                left.values().stream().mapToLong(Long::longValue).sum(), left.getOrDefault(DeliveryStatus.PENDING, 0L),
                left.getOrDefault(DeliveryStatus.ATTENTION, 0L), left.getOrDefault(DeliveryStatus.FAILED, 0L));
        log.warn("Hand-off of cycle {}: {} (the run summary lists them); once the cause is fixed, "
                + "./run.sh rerun --cycle-date {} tries them again", cycleDate, counts, cycleDate);
        return stepExecution.getExitStatus().addExitDescription(counts);
    }
}
