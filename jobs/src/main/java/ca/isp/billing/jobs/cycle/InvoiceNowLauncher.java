package ca.isp.billing.jobs.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.InvoiceNowJob;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * Runs invoice-now for an account on today's date, with the cycle's run guard (one run at a time,
 * a cycle included). With a quote, marks it accepted today first (unless it was accepted before).
 * The run numbers of the day's invoice-now of the account: the last run failed, stopped or left
 * running -> resumed; completed (or none) -> a new run, which invoices only what is left, so a
 * quote is invoiced once however often the command is run.
 */
@Component
public class InvoiceNowLauncher {

    private static final Logger log = LoggerFactory.getLogger(InvoiceNowLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job invoiceNow;
    private final NamedParameterJdbcTemplate jdbc;
    private final BillingProperties properties;
    private final Clock clock;
    private final RunGuard guard;

    public InvoiceNowLauncher(JobOperator jobOperator, JobRepository jobRepository,
                              @Qualifier("invoiceNow") Job invoiceNow, NamedParameterJdbcTemplate jdbc,
                              BillingProperties properties, Clock clock, RunGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.invoiceNow = invoiceNow;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
    }

    /** @param quoteRef null: every accepted quote of the account not invoiced yet */
    public CycleOutcome invoiceNow(String accountNumber, String quoteRef) {
        LocalDate today = LocalDate.now(clock);
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            return CycleOutcome.of(today, Result.IN_THE_WAY, "another billing run is in progress on this database (it"
                    + " holds the run lock); run the same command again once it has finished");
        }
        try (RunGuard.Held ignored = held.get()) {
            String refusal = accept(accountNumber, quoteRef, today);
            if (refusal != null) {
                return CycleOutcome.of(today, Result.REFUSED, refusal);
            }
            String quote = quoteRef == null ? "" : quoteRef;
            RunResumption.NumberedRun numbered = RunResumption.firstNotCompleted(jobRepository, InvoiceNowJob.NAME,
                    n -> InvoiceNowJob.parameters(accountNumber, today, quote, n));
            long run = numbered.run();
            JobExecution last = numbered.last();
            JobExecution execution;
            if (last == null) {
                log.info("Invoice-now {} {}: run {} starting.", accountNumber, today, run);
                execution = jobOperator.start(invoiceNow, InvoiceNowJob.parameters(accountNumber, today, quote, run));
            } else {
                execution = RunResumption.resume(jobOperator, "Invoice-now " + accountNumber + " " + today, last);
            }
            CycleOutcome outcome = finished(today, accountNumber, execution);
            // one quote a run: the next accepted quote gets the next run, its statement after this one's
            for (int more = acceptedLeft(accountNumber, today); quoteRef == null && more > 0
                    && outcome.result() == Result.COMPLETED; more--) {
                long next = run;
                while (jobRepository.getLastJobExecution(InvoiceNowJob.NAME,
                        InvoiceNowJob.parameters(accountNumber, today, quote, next)) != null) {
                    next++;
                }
                log.info("Invoice-now {} {}: run {} starting for the next accepted quote.", accountNumber, today, next);
                outcome = finished(today, accountNumber, jobOperator.start(invoiceNow,
                        InvoiceNowJob.parameters(accountNumber, today, quote, next)));
            }
            return outcome;
        } catch (Exception e) {
            log.error("invoice-now {} could not start or record its end", accountNumber, e);
            return CycleOutcome.of(today, Result.FAILED, "invoice-now " + accountNumber + " could not start or record"
                    + " its end: " + e.getMessage() + ". Fix the cause and run the same command again (details: "
                    + properties.home().resolve("logs").resolve("billing.log") + ").");
        }
    }

    /** The account's accepted quotes not invoiced yet. */
    private int acceptedLeft(String accountNumber, LocalDate today) {
        Integer left = jdbc.queryForObject("""
                SELECT COUNT(*) FROM quote q JOIN account a ON a.id = q.account_id
                WHERE a.account_number = :a AND q.accepted_on IS NOT NULL AND q.accepted_on <= :today
                  AND q.invoice_id IS NULL""", new MapSqlParameterSource("a", accountNumber).addValue("today", today),
                Integer.class);
        return left == null ? 0 : left;
    }

    /** The quote asked for, accepted today unless accepted before; a refusal when it is not the account's. */
    private String accept(String accountNumber, String quoteRef, LocalDate today) {
        Integer account = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE account_number = :a",
                new MapSqlParameterSource("a", accountNumber), Integer.class);
        if (account == null || account == 0) {
            return "unknown account '" + accountNumber + "'";
        }
        String status = jdbc.queryForObject("SELECT status FROM account WHERE account_number = :a",
                new MapSqlParameterSource("a", accountNumber), String.class);
        if ("WRITTEN_OFF".equals(status)) {
            return "account " + accountNumber + " is written off: it is not invoiced any more";
        }
        if ("CLOSED".equals(status)) {
            return "account " + accountNumber + " is closed: its final bill was its last invoice";
        }
        if (quoteRef == null) {
            return null;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("q", quoteRef).addValue("a", accountNumber)
                .addValue("today", today);
        Integer found = jdbc.queryForObject("""
                SELECT COUNT(*) FROM quote q JOIN account a ON a.id = q.account_id
                WHERE q.quote_ref = :q AND a.account_number = :a""", params, Integer.class);
        if (found == null || found == 0) {
            return "no quote '" + quoteRef + "' of account " + accountNumber + " (import quotes first)";
        }
        if (jdbc.update("UPDATE quote SET accepted_on = :today WHERE quote_ref = :q AND accepted_on IS NULL",
                params) == 1) {
            log.info("Quote {} of account {} accepted on {}.", quoteRef, accountNumber, today);
        }
        return null;
    }

    private CycleOutcome finished(LocalDate date, String accountNumber, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String counts = RunResumption.stepCounts(execution, 18);
            return new CycleOutcome(date, Result.COMPLETED, "Invoice-now " + accountNumber + " " + date
                    + " completed (run " + execution.getId() + "):" + counts, execution);
        }
        String failedStep = execution.getStepExecutions().stream().filter(s -> s.getStatus().isUnsuccessful())
                .map(StepExecution::getStepName).findFirst().orElse("?");
        return new CycleOutcome(date, Result.FAILED, "invoice-now " + accountNumber + " " + execution.getStatus()
                + " in step " + failedStep + ". Fix the cause and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").", execution);
    }
}
