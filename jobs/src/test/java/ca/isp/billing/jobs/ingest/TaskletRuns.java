package ca.isp.billing.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs an inbox tasklet as its step does: each call in its own transaction. */
final class TaskletRuns {

    private TaskletRuns() {
    }

    static StepContribution contribution() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "billingCycle"), new JobParameters());
        return new StepExecution("ingest", job).createStepContribution();
    }

    static RepeatStatus execute(PlatformTransactionManager transactionManager, InboxFileTasklet<?> tasklet,
                                StepContribution contribution) {
        return execute(transactionManager, tasklet, contribution, () -> { });
    }

    /**
     * As above, with {@code afterCommit} run right after the transaction commits and before
     * anything the tasklet does after its commit (it registers its own work later).
     */
    static RepeatStatus execute(PlatformTransactionManager transactionManager, InboxFileTasklet<?> tasklet,
                                StepContribution contribution, Runnable afterCommit) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
            try {
                return tasklet.execute(contribution, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
