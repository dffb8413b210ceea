package ca.isp.billing.jobs.support;

import java.io.Console;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Progress of the long steps (rate, charge, tax, render, handoff): items done of items to do,
 * rate and time left, shown by a {@link ProgressReporter}: a line rewritten in place on a
 * terminal, a plain {@code event=progress} log line every {@code billing.progress.log-every}
 * (30 s) otherwise (cron). Attached like StepLog, as a bean post-processor: a step execution
 * listener on the step (what is to do, counted when it starts; the last line when it ends) and a
 * chunk listener on the step that does the chunks (the step itself, or its partition worker),
 * whose partitions add to one line.
 */
@Component
public class StepProgress implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

    /** Long step -> its chunk step and what it has to do (null: not counted beforehand). */
    private static final Map<String, String> WORKERS = Map.of("rate", "rate", "chargePartition", "charge",
            "taxPartition", "tax", "renderPartition", "render", "handoffPartition", "handoff");
    private static final Map<String, String> TO_DO = Map.of(
            "rate", "SELECT COUNT(*) FROM usage_record WHERE status IN ('NEW', 'UNMATCHED', 'RATING_GAP')",
            "charge", "SELECT COUNT(*) FROM account WHERE next_bill_date <= ?",
            "tax", "SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status IN ('DRAFT', 'HELD')",
            "render", "SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'ISSUED' AND rendered_at IS NULL",
            "handoff", """
                    SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.cycle_date = ? AND d.status = 'PENDING' AND i.rendered_at IS NOT NULL""");

    private final ObjectProvider<JdbcTemplate> jdbc;
    private final Duration logEvery;
    private final boolean terminal = onATerminal();
    private final Map<String, ProgressReporter> running = new ConcurrentHashMap<>();

    public StepProgress(ObjectProvider<JdbcTemplate> jdbc, @Value("${billing.progress.log-every:30s}") Duration logEvery) {
        this.jdbc = jdbc;
        this.logEvery = logEvery;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractStep step && TO_DO.containsKey(step.getName())) {
            step.registerStepExecutionListener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution execution) {
                    running.put(step.getName(), new ProgressReporter(step.getName(), toDo(step.getName(),
                            execution.getJobParameters()), terminal, System.out, log::info, logEvery, System::nanoTime));
                }

                @Override
                public ExitStatus afterStep(StepExecution execution) {
                    ProgressReporter reporter = running.remove(step.getName());
                    if (reporter != null) {
                        reporter.finish(execution.getReadCount());
                    }
                    return null;
                }
            });
        }
        if (bean instanceof ChunkOrientedStep step && WORKERS.containsKey(step.getName())) {
            String longStep = WORKERS.get(step.getName());
            step.registerChunkListener(new ChunkListener() {
                @Override
                public void afterChunk(Chunk chunk) {
                    ProgressReporter reporter = running.get(longStep);
                    if (reporter != null) {
                        reporter.add(chunk.size());
                    }
                }
            });
        }
        return bean;
    }

    /** What the step has to do, or 0 when it cannot be told (then the line has no total). */
    private long toDo(String step, JobParameters parameters) {
        try {
            String sql = TO_DO.get(step);
            LocalDate cycle = parameters.getLocalDate(BillingCycleJob.CYCLE_DATE);
            if (sql.contains("?")) {
                return cycle == null ? 0 : jdbc.getObject().queryForObject(sql, Long.class, cycle);
            }
            return jdbc.getObject().queryForObject(sql, Long.class);
        } catch (RuntimeException e) {
            log.debug("progress of {}: items to do not counted", step, e);
            return 0;
        }
    }

    /** Java 17 gives a console only when both ends are a terminal; Java 22+ always, and says. */
    public static boolean onATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
