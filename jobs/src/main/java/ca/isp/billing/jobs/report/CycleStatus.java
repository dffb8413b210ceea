package ca.isp.billing.jobs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
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
        paymentsInSuspense(out);
        // the newest cycle that is not finished, else the newest one: what to type next
        BillingCycleJob.lastExecutions(jobRepository, RECENT_CYCLES).stream()
                .filter(e -> e.getStatus() != BatchStatus.COMPLETED && e.getStatus() != BatchStatus.ABANDONED)
                .findFirst()
                .or(() -> BillingCycleJob.lastExecutions(jobRepository, 1).stream().findFirst())
                .ifPresent(e -> out.append("next: ").append(next(e)).append('\n'));
        return out.toString();
    }

    /** Money received for no known account or invoice, waiting for an operator (run.sh payments). */
    private void paymentsInSuspense(StringBuilder out) {
        Map<String, Object> open = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount FROM payment_suspense WHERE status = 'OPEN'");
        long n = ((Number) open.get("N")).longValue();
        if (n > 0) {
            out.append(String.format("payments in suspense: %d, %s (./run.sh payments suspense lists them; "
                    + "./run.sh payments assign REF ACCOUNT applies one)%n", n,
                    new java.math.BigDecimal(open.get("AMOUNT").toString()).setScale(2).toPlainString()));
        }
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
        JobExecution last = executions.get(executions.size() - 1);
        steps(out, last, executions.size());
        out.append("next: ").append(next(last)).append("\n\n");
        out.append(new CycleReport(jdbc, properties.plausible().catchUpPeriods()).summary(cycleDate, executions)).append('\n');
        // as the database stands now: a record lost since the report step shows here
        out.append("Reconciliation of cycle ").append(cycleDate).append(" as the database stands now\n")
                .append(new CycleReconciliation(jdbc, jobRepository).of(cycleDate, executions).table());
        return out.toString();
    }

    /**
     * The steps of a run: status, items (the larger of read and written), rate, lines skipped
     * (rejected) and, for a step that failed, the reason its run recorded (its first line; a
     * partitioned step's partition says more than its manager).
     */
    private static void steps(StringBuilder out, JobExecution run, int number) {
        out.append(String.format("%nSteps of run %d (execution %d, %s)%n", number, run.getId(), run.getStatus()));
        out.append(String.format("  %-16s %-10s %9s %9s %8s  %s%n", "step", "status", "items", "per s", "skipped",
                "failure"));
        for (StepExecution step : run.getStepExecutions().stream()
                .filter(s -> !s.getStepName().contains(":"))
                .sorted(Comparator.comparing(StepExecution::getId)).toList()) {
            long items = Math.max(step.getReadCount(), step.getWriteCount());
            long skipped = step.getSkipCount();
            String failure = "";
            if (step.getStatus().isUnsuccessful()) {
                StepExecution cause = run.getStepExecutions().stream()
                        .filter(p -> p.getStepName().startsWith(step.getStepName() + "Partition:")
                                && p.getStatus().isUnsuccessful())
                        .findFirst().orElse(step);
                failure = rootCause(cause.getExitStatus().getExitDescription());
            }
            if (!step.getStatus().equals(BatchStatus.COMPLETED) && items == 0) {
                // a manager that did not finish still says 0: its partitions committed these
                for (StepExecution p : run.getStepExecutions()) {
                    if (p.getStepName().startsWith(step.getStepName() + "Partition:")) {
                        items += Math.max(p.getReadCount(), p.getWriteCount());
                        skipped += p.getSkipCount();
                    }
                }
            }
            LocalDateTime start = step.getStartTime();
            LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now();
            double seconds = start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
            out.append(String.format(Locale.ROOT, "  %-16s %-10s %9d %9.1f %8d  %s%n", step.getStepName(),
                    step.getStatus(), items, seconds > 0 ? items / seconds : 0.0, skipped, failure));
        }
    }

    /** The command an operator types next for the cycle of this run, with why. */
    private String next(JobExecution run) {
        LocalDate cycle = BillingCycleJob.cycleDate(run);
        String command = BillingCycleJob.rerun(run) == null ? "bill" : "rerun";
        String failedStep = run.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful() && !s.getStepName().contains(":"))
                .map(StepExecution::getStepName).findFirst().orElse(null);
        return switch (run.getStatus()) {
            case COMPLETED -> {
                long held = countOf("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = ?", cycle,
                        InvoiceStatus.HELD.name());
                long notSent = countOf("""
                        SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                        WHERE i.cycle_date = ? AND d.status <> ?""", cycle, DeliveryStatus.SENT.name());
                if (held + notSent == 0) {
                    yield "nothing for cycle " + cycle + ": it is complete";
                }
                yield "./run.sh rerun --cycle-date " + cycle + "   (" + held + " invoices held, " + notSent
                        + " deliveries not sent: fix their cause first, see the summary)";
            }
            case FAILED, STOPPED -> "./run.sh " + command + " --cycle-date " + cycle + "   (resumes"
                    + (failedStep == null ? "" : " at step " + failedStep) + " once the cause is fixed; or give up on"
                    + " it: ./run.sh abandon --cycle-date " + cycle + ")";
            case ABANDONED -> "nothing: cycle " + cycle + " was abandoned and is never resumed";
            default -> "wait for the run in progress; if its process died, ./run.sh " + command + " --cycle-date "
                    + cycle + " resumes it";
        };
    }

    private long countOf(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * The reason in a recorded exit description (a stack trace): its last "Caused by:" line, the
     * root cause, else its first line; the exception's class without its package.
     */
    static String rootCause(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String line = description.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length())).orElse(firstLine(description));
        int colon = line.indexOf(':');
        String type = colon < 0 ? line : line.substring(0, colon);
        if (!type.contains(" ") && type.contains(".")) {
            line = type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : line.substring(colon));
        }
        return firstLine(line);
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String seconds(LocalDateTime time) {
        return time == null ? "-" : time.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private long count(String sql, Enum<?> status) {
        Long n = jdbc.queryForObject(sql, Long.class, status.name());
        return n == null ? 0 : n;
    }
}
