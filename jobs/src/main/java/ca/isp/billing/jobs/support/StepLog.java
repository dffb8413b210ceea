package ca.isp.billing.jobs.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * One log line when a step starts and one when it ends, as key=value pairs to grep
 * ({@code grep 'event=step-end' billing.log | grep 'status=FAILED'}): job, step, its cycle and
 * rerun, then the counts, the time and the rate. Only names, counts and the class of a failure:
 * never an item, an address or an exception's message (those go to the DEBUG log). Registered
 * on every step bean of every job (partitions included) as a bean post-processor, so a new step
 * cannot be left out.
 */
@Component
public class StepLog implements StepExecutionListener, BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(StepLog.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void beforeStep(StepExecution step) {
        log.info("event=step-start job={} step={}{} execution={}", step.getJobExecution().getJobInstance().getJobName(),
                step.getStepName(), run(step.getJobExecution().getJobParameters()), step.getJobExecutionId());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        long items = Math.max(step.getReadCount(), step.getWriteCount());
        String failure = step.getFailureExceptions().isEmpty() ? ""
                : " failures=" + step.getFailureExceptions().size() + " failure="
                + step.getFailureExceptions().get(0).getClass().getSimpleName();
        log.info("event=step-end job={} step={}{} execution={} status={} exit={} read={} written={} filtered={}"
                        + " skipped={} commits={} rollbacks={} seconds={} rate={}/s{}",
                step.getJobExecution().getJobInstance().getJobName(), step.getStepName(),
                run(step.getJobExecution().getJobParameters()), step.getJobExecutionId(), step.getStatus(),
                step.getExitStatus().getExitCode(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
                step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(),
                String.format(Locale.ROOT, "%.3f", seconds),
                String.format(Locale.ROOT, "%.1f", seconds > 0 ? items / seconds : 0.0), failure);
        if (!step.getFailureExceptions().isEmpty() && log.isDebugEnabled()) {
            log.debug("step {} failed", step.getStepName(), step.getFailureExceptions().get(0));
        }
        return null;
    }

    /** " cycleDate=2026-11-01 rerun=1" from the identifying parameters the billing jobs have. */
    private static String run(JobParameters parameters) {
        StringBuilder out = new StringBuilder();
        if (parameters.getParameter(BillingCycleJob.CYCLE_DATE) != null) {
            out.append(" cycleDate=").append(parameters.getParameter(BillingCycleJob.CYCLE_DATE).value());
        }
        if (parameters.getParameter(BillingCycleJob.RERUN) != null) {
            out.append(" rerun=").append(parameters.getParameter(BillingCycleJob.RERUN).value());
        }
        return out.toString();
    }
}
