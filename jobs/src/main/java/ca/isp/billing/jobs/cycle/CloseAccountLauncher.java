package ca.isp.billing.jobs.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.FinalSettlement;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.CloseAccountJob;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * Runs close-account with the cycle's run guard (one run at a time, a cycle included). Refused
 * (nothing changed): an unknown or written-off account, a last day of service after today, a
 * subscription that starts after it, or an account closed already with another day or choice. An
 * account closed already with the same ones runs the job again under the closure's own date: the
 * final bill is never made twice, and what waited (a final bill released by the review gate since)
 * is settled, rendered and sent. Run numbers as invoice-now: the last run failed, stopped or left
 * running -> resumed; completed (or none) -> a new run.
 */
@Component
public class CloseAccountLauncher {

    private static final Logger log = LoggerFactory.getLogger(CloseAccountLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job closeAccount;
    private final NamedParameterJdbcTemplate jdbc;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;

    public CloseAccountLauncher(JobOperator jobOperator, JobRepository jobRepository,
                                @Qualifier("closeAccount") Job closeAccount, NamedParameterJdbcTemplate jdbc,
                                BillingProperties properties, Clock clock, RunGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.closeAccount = closeAccount;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
    }

    public CycleOutcome close(String accountNumber, LocalDate lastDay, FinalSettlement.Choice choice, String by) {
        LocalDate today = LocalDate.now(clock);
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(today, Result.IN_THE_WAY, "another billing run is in progress on this database (it"
                    + " holds the run lock); run the same command again once it has finished");
        }
        try (RunGuard.Held ignored = held.get()) {
            MapSqlParameterSource params = new MapSqlParameterSource("a", accountNumber).addValue("day", lastDay);
            List<Map<String, Object>> accounts = jdbc.queryForList(
                    "SELECT id, status FROM account WHERE account_number = :a", params);
            if (accounts.isEmpty()) {
                return CycleOutcome.of(today, Result.REFUSED, "unknown account '" + accountNumber + "'");
            }
            if ("WRITTEN_OFF".equals(accounts.get(0).get("status"))) {
                return CycleOutcome.of(today, Result.REFUSED, "account " + accountNumber + " is written off: bring it"
                        + " back first (./run.sh account reinstate " + accountNumber + ")");
            }
            List<Map<String, Object>> closures = jdbc.queryForList("""
                    SELECT c.closed_on, c.requested_on, c.settlement, c.closed_by FROM account_closure c
                    JOIN account a ON a.id = c.account_id WHERE a.account_number = :a""", params);
            LocalDate requestedOn = today;
            if (!closures.isEmpty()) {
                Map<String, Object> c = closures.get(0);
                LocalDate closedOn = date(c.get("closed_on"));
                if (!closedOn.equals(lastDay) || !choice.name().equals(c.get("settlement"))) {
                    return CycleOutcome.of(today, Result.REFUSED, "account " + accountNumber + " was closed on "
                            + closedOn + " (" + ((String) c.get("settlement")).toLowerCase() + ") by " + c.get("closed_by")
                            + " on " + date(c.get("requested_on")) + ": nothing changed");
                }
                requestedOn = date(c.get("requested_on"));
            } else {
                if (lastDay.isAfter(today)) {
                    return CycleOutcome.of(today, Result.REFUSED, "the last day of service " + lastDay + " is after"
                            + " today " + today + ": close the account on that day or later");
                }
                // A credit refunded while write-offs of the account are still outstanding would pay the
                // customer money the company wrote off as never received: the credit is owed to those first.
                java.math.BigDecimal outstanding = jdbc.queryForObject("""
                        SELECT COALESCE(SUM(w.amount - COALESCE((SELECT SUM(r.amount) FROM write_off_recovery r
                                                                  WHERE r.write_off_id = w.id), 0)), 0)
                        FROM write_off w JOIN account a ON a.id = w.account_id WHERE a.account_number = :a""",
                        params, java.math.BigDecimal.class);
                if (choice == FinalSettlement.Choice.REFUND && outstanding != null && outstanding.signum() > 0) {
                    return CycleOutcome.of(today, Result.REFUSED, "account " + accountNumber + " has "
                            + outstanding.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                            + " written off still outstanding: its credit is owed to that first, nothing is refunded;"
                            + " close it with --carry");
                }
                List<String> later = jdbc.queryForList("""
                        SELECT s.subscription_id FROM subscription s JOIN account a ON a.id = s.account_id
                        WHERE a.account_number = :a AND s.start_date > :day ORDER BY s.subscription_id""", params,
                        String.class);
                if (!later.isEmpty()) {
                    return CycleOutcome.of(today, Result.REFUSED, "subscription " + later.get(0) + " of account "
                            + accountNumber + " starts after the last day of service " + lastDay
                            + ": end it in the subscriptions file first");
                }
            }
            LocalDate closureRequested = requestedOn;
            RunResumption.NumberedRun numbered = RunResumption.firstNotCompleted(jobRepository, CloseAccountJob.NAME,
                    n -> CloseAccountJob.parameters(accountNumber, closureRequested, lastDay, choice.name(), by, n));
            long run = numbered.run();
            JobExecution last = numbered.last();
            JobExecution execution;
            if (last == null) {
                log.info("Close-account {} (last day {}): run {} starting.", accountNumber, lastDay, run);
                execution = jobOperator.start(closeAccount, CloseAccountJob.parameters(accountNumber, requestedOn,
                        lastDay, choice.name(), by, run));
            } else {
                execution = RunResumption.resume(jobOperator, "Close-account " + accountNumber, last);
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                return new CycleOutcome(requestedOn, Result.FAILED, "close-account " + accountNumber + " "
                        + execution.getStatus() + ". Fix the cause and run the same command again to resume (details: "
                        + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
            }
            return new CycleOutcome(requestedOn, Result.COMPLETED, summary(accountNumber), execution);
        } catch (Exception e) {
            log.error("close-account {} could not start or record its end", accountNumber, e);
            return CycleOutcome.of(today, Result.FAILED, "close-account " + accountNumber + " could not start or record"
                    + " its end: " + e.getMessage() + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    /** What the closure left, in words: the final bill, its review, the refund or the credit carried. */
    private String summary(String accountNumber) {
        Map<String, Object> c = jdbc.queryForMap("""
                SELECT c.closed_on, c.settlement, c.settled, i.invoice_number, i.total,
                    COALESCE(i.hold_reason, i.review_status, i.status),
                    (SELECT SUM(r.amount) FROM refund r WHERE r.account_id = c.account_id),
                    (SELECT SUM(l.amount) FROM account_ledger l WHERE l.account_id = c.account_id)
                FROM account_closure c JOIN account a ON a.id = c.account_id
                LEFT JOIN invoice i ON i.id = c.final_invoice_id WHERE a.account_number = :a""",
                new MapSqlParameterSource("a", accountNumber));
        List<Object> v = List.copyOf(c.values().stream().map(o -> o == null ? "" : o).toList());
        StringBuilder s = new StringBuilder("Account " + accountNumber + " closed, last day of service " + v.get(0));
        s.append(v.get(3).toString().isEmpty() ? "; no final bill (nothing to bill)"
                : "; final bill " + v.get(3) + " total " + ((BigDecimal) v.get(4)).toPlainString());
        if (Boolean.TRUE.equals(v.get(2))) {
            s.append(v.get(6).toString().isEmpty() ? "; settled (" + v.get(1).toString().toLowerCase() + ")"
                    : "; refund " + String.join(" + ", jdbc.queryForList("""
                            SELECT r.amount FROM refund r JOIN account a ON a.id = r.account_id
                            WHERE a.account_number = :a ORDER BY r.sequence_no""",
                            new MapSqlParameterSource("a", accountNumber), BigDecimal.class).stream()
                            .map(BigDecimal::toPlainString).toList()) + " (out/refunds/)");
        } else {
            s.append("; final bill waiting (" + v.get(5) + "): release it (./run.sh review) or fix the cause, then run"
                    + " close-account again to settle and send it");
        }
        s.append("; balance now ").append(v.get(7).toString().isEmpty() ? "0.00" : ((BigDecimal) v.get(7)).toPlainString());
        return s.toString();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
