package ca.isp.billing.jobs.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.writers.AtomicFiles;

/**
 * Writes the cycle's run summary to {@code var/out/reports/<cycle>/run-summary.txt} and its
 * reconciliation beside it ({@code reconciliation.txt}, also at the end of the summary); an
 * equation that does not hold then fails the step, after both files are written. The charts page
 * of the cycle (RunReport: {@code run-report.html} and its CSV files) is written beside them.
 */
public class RunSummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryTasklet.class);

    private final CycleReport report;
    private final CycleReconciliation reconciliation;
    private final JobRepository jobRepository;
    private final Path reportFolder;
    private final LocalDate cycleDate;
    private final FaultInjection faults;
    private final RunReport runReport;

    public RunSummaryTasklet(CycleReport report, CycleReconciliation reconciliation, JobRepository jobRepository,
                             Path reportFolder, LocalDate cycleDate, FaultInjection faults, RunReport runReport) {
        this.report = report;
        this.reconciliation = reconciliation;
        this.jobRepository = jobRepository;
        this.reportFolder = reportFolder;
        this.cycleDate = cycleDate;
        this.faults = faults;
        this.runReport = runReport;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // A run killed while writing the summary left its temporary file.
        AtomicFiles.deleteLeftoverTemps(reportFolder);
        // This run's own execution is the live one (the repository's copy lags behind it).
        JobExecution current = contribution.getStepExecution().getJobExecution();
        List<JobExecution> executions = new ArrayList<>(BillingCycleJob.executionsOf(jobRepository, cycleDate));
        executions.removeIf(e -> e.getId() == current.getId());
        executions.add(current);
        Reconciliation figures = reconciliation.of(cycleDate, executions);
        String table = "Reconciliation of cycle " + cycleDate + " (every equation must hold)\n" + figures.table();
        String summary = report.summary(cycleDate, executions) + "\n" + table;
        // Replaced whole, owner-only: they name accounts (held invoices) and the business's figures.
        Path tableFile = AtomicFiles.write(reportFolder, "reconciliation.txt", table.getBytes(StandardCharsets.UTF_8));
        Path file = AtomicFiles.write(reportFolder, "run-summary.txt", summary.getBytes(StandardCharsets.UTF_8));
        log.info("Run summary written to {}, reconciliation to {}", file, tableFile);
        writeRunReport(executions);
        faults.point("report-written"); // kill drills: the summary is out, the step (and the cycle) not yet committed
        if (!figures.holds()) {
            log.error("{}", table);
            throw new ReconciliationFailedException(figures, tableFile);
        }
        log.info("{}", table);
        return RepeatStatus.FINISHED;
    }

    /**
     * The charts page (RunReport). A page that cannot be made does not fail the cycle: the
     * summary and the reconciliation are written, and a rerun writes the page again.
     */
    private void writeRunReport(List<JobExecution> executions) {
        try {
            runReport.writeCycle(cycleDate, executions);
        } catch (RuntimeException e) {
            log.error("The run report of cycle {} was not written: {}. The cycle goes on; ./run.sh rerun --cycle-date {}"
                    + " writes it again", cycleDate, e.toString(), cycleDate);
        }
    }
}
