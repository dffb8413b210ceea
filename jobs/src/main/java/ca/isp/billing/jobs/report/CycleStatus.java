package ca.isp.billing.jobs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.BillingCycleJob;

/**
 * What {@code ./run.sh status} prints: the recent cycles and their state, or one cycle's runs
 * and its full summary with its reconciliation as the database stands now, and what waits for
 * an operator (delinquent accounts, held invoices, deliveries not sent).
 */
@Component
public class CycleStatus {

    /** Cycles listed by the status overview. */
    private static final int RECENT_CYCLES = 24;

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final BillingProperties properties;

    public CycleStatus(JobRepository jobRepository, JdbcTemplate jdbc, BillingProperties properties) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The recent cycles (first runs and reruns), one line each, and the counts that wait for someone. */
    public String overview() {
        StringBuilder out = new StringBuilder();
        List<JobInstance> instances = jobRepository.getJobInstances(BillingCycleJob.NAME, 0, RECENT_CYCLES);
        out.append(String.format("%-12s %-6s %-10s %-20s %-20s %s%n", "cycle", "rerun", "status", "started", "ended",
                "runs"));
        if (instances.isEmpty()) {
            out.append("(no billing cycle has run yet)\n");
        }
        for (JobInstance instance : instances) {
            List<JobExecution> executions = jobRepository.getJobExecutions(instance);
            JobExecution last = executions.stream().max(Comparator.comparing(JobExecution::getId)).orElseThrow();
            Long rerun = BillingCycleJob.rerun(last);
            out.append(String.format("%-12s %-6s %-10s %-20s %-20s %d%n", BillingCycleJob.cycleDate(last),
                    rerun == null ? "" : rerun.toString(), last.getStatus(), seconds(last.getStartTime()),
                    seconds(last.getEndTime()), executions.size()));
        }
        out.append("accounts ").append(jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class))
                .append(", delinquent ").append(count("SELECT COUNT(*) FROM account WHERE status = ?", AccountStatus.DELINQUENT))
                .append(", suspended ").append(count("SELECT COUNT(*) FROM account WHERE status = ?", AccountStatus.SUSPENDED))
                .append(", invoices held ").append(count("SELECT COUNT(*) FROM invoice WHERE status = ?", InvoiceStatus.HELD))
                .append(" (rerun their cycle once fixed), deliveries not sent ")
                .append(count("""
                        SELECT COUNT(*) FROM delivery d WHERE status NOT IN (?, 'VOID')
                          AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = d.invoice_id AND i.review_status = 'HELD')""",
                        DeliveryStatus.SENT))
                .append('\n');
        heldForReview(out);
        deliveriesNotSent(out);
        return out.toString();
    }

    /**
     * Invoices the review gate holds, per cycle: they wait for an operator's decision (run.sh review),
     * never block the next day's jobs, and their deliveries are not counted as not sent below.
     */
    private void heldForReview(StringBuilder out) {
        jdbc.query("""
                SELECT cycle_date, COUNT(*) FROM invoice WHERE review_status = 'HELD' GROUP BY cycle_date ORDER BY cycle_date""",
                rs -> {
                    out.append(String.format("  waiting for review: cycle %s, %d invoices held (./run.sh review --cycle-date %s)%n",
                            rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getObject(1, LocalDate.class)));
                });
    }

    /** Deliveries not sent, per channel and courier: what a rerun of their cycle would try again. */
    private void deliveriesNotSent(StringBuilder out) {
        jdbc.query("""
                SELECT channel, COALESCE(courier, '-'), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END),
                    SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END)
                FROM delivery d WHERE status NOT IN (?, 'VOID')
                  AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = d.invoice_id AND i.review_status = 'HELD')
                GROUP BY channel, COALESCE(courier, '-')
                ORDER BY channel, COALESCE(courier, '-')""", rs -> {
            out.append(String.format("  not sent: %-6s %-12s pending %d, failed %d, needs attention %d%n",
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }, DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(), DeliveryStatus.ATTENTION.name(),
                DeliveryStatus.SENT.name());
    }

    /** One cycle: each of its runs, then its summary as the report step writes it. */
    public String ofCycle(LocalDate cycleDate) {
        List<JobExecution> executions = BillingCycleJob.executionsOf(jobRepository, cycleDate);
        if (executions.isEmpty()) {
            return "Billing cycle " + cycleDate + " has never run.\n";
        }
        StringBuilder out = new StringBuilder();
        int run = 0;
        for (JobExecution e : executions) {
            Long rerun = BillingCycleJob.rerun(e);
            out.append("run ").append(++run).append(rerun == null ? "" : " (rerun " + rerun + ")").append(": ")
                    .append(e.getStatus()).append(", started ").append(seconds(e.getStartTime()))
                    .append(", ended ").append(seconds(e.getEndTime())).append(" (execution ").append(e.getId())
                    .append(")\n");
        }
        out.append(new CycleReport(jdbc, properties.plausible().catchUpPeriods()).summary(cycleDate, executions)).append('\n');
        // as the database stands now: a record lost since the report step shows here
        out.append("Reconciliation of cycle ").append(cycleDate).append(" as the database stands now\n")
                .append(new CycleReconciliation(jdbc).of(cycleDate, executions).table());
        return out.toString();
    }

    private static String seconds(LocalDateTime time) {
        return time == null ? "-" : time.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private long count(String sql, Enum<?> status) {
        Long n = jdbc.queryForObject(sql, Long.class, status.name());
        return n == null ? 0 : n;
    }
}
