package ca.isp.billing.jobs.accounting;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.QueryCount;
import ca.isp.billing.writers.AtomicFiles;

/**
 * Posts what the run issued and received to the general ledger and writes its journal beside
 * the run summary. The postings and the file are made in the step's transaction: a run killed
 * before the commit posts the same sources again when resumed and writes the same file; a
 * journal that does not balance fails the step (and the cycle) with the entries named.
 */
public class JournalTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(JournalTasklet.class);

    private final JournalExport export;
    private final LocalDate cycleDate;

    public JournalTasklet(JournalExport export, LocalDate cycleDate) {
        this.export = export;
        this.cycleDate = cycleDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Long rerun = BillingCycleJob.rerun(contribution.getStepExecution().getJobExecution());
        int run = rerun == null ? 0 : Math.toIntExact(rerun);
        long statements = QueryCount.prepared();
        int posted = export.post(cycleDate, run);
        // a killed run may have left the temporary file of its journal
        AtomicFiles.deleteLeftoverTemps(export.folder(cycleDate));
        JournalExport.Written written = export.write(cycleDate, run);
        contribution.incrementWriteCount(Math.toIntExact(written.journal().lineCount()));
        log.info("Journal written to {}: {} invoices and payments posted, {} lines, debits {} = credits {},"
                        + " {} SQL statements", written.file(), posted, written.journal().lineCount(),
                written.journal().debits(), written.journal().credits(), QueryCount.prepared() - statements);
        return RepeatStatus.FINISHED;
    }
}
