package ca.isp.billing.jobs.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import ca.isp.billing.writers.AtomicFiles;

/**
 * The last step of the usage ingest job (run.sh ingest): the usage equations of the files this
 * run ingested (with its earlier attempts, when it was resumed), logged and written to
 * {@code var/out/reports/ingest/reconciliation.txt} (the last run's, replaced whole); an equation
 * that does not hold fails the run, as it fails a cycle's report step.
 */
public class UsageReconciliationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(UsageReconciliationTasklet.class);

    private final CycleReconciliation reconciliation;
    private final JobRepository jobRepository;
    private final Path reportFolder;

    public UsageReconciliationTasklet(CycleReconciliation reconciliation, JobRepository jobRepository, Path reportFolder) {
        this.reconciliation = reconciliation;
        this.jobRepository = jobRepository;
        this.reportFolder = reportFolder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AtomicFiles.deleteLeftoverTemps(reportFolder);
        // This run's own execution is the live one (the repository's copy lags behind it).
        JobExecution current = contribution.getStepExecution().getJobExecution();
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(current.getJobInstance()));
        executions.removeIf(e -> e.getId() == current.getId());
        executions.add(current);
        Reconciliation figures = reconciliation.ofUsage(executions);
        String table = "Reconciliation of usage ingest run " + current.getJobInstance().getInstanceId()
                + " (every equation must hold)\n" + figures.table();
        Path file = AtomicFiles.write(reportFolder, "reconciliation.txt", table.getBytes(StandardCharsets.UTF_8));
        if (!figures.holds()) {
            log.error("{}", table);
            throw new ReconciliationFailedException(figures, file);
        }
        log.info("{}", table);
        return RepeatStatus.FINISHED;
    }
}
