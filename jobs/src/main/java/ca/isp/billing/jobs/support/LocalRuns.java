package ca.isp.billing.jobs.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The job executions this process runs, as opposed to those the job repository shows running,
 * which on MySQL/MariaDB include other processes' (another scheduler, cron's bill): a SIGTERM
 * stops only this process's own runs (GracefulStop). Recorded when a step starts, on every step
 * bean, as StepLog is attached.
 */
@Component
public class LocalRuns implements BeanPostProcessor {

    private final Set<Long> executions = ConcurrentHashMap.newKeySet();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution execution) {
                    executions.add(execution.getJobExecutionId());
                }
            });
        }
        return bean;
    }

    public boolean runsHere(long jobExecutionId) {
        return executions.contains(jobExecutionId);
    }
}
