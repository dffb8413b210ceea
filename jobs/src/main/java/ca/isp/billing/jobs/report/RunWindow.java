package ca.isp.billing.jobs.report;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/**
 * When a cycle's runs ran: from the first run's start to the last run's end, or now while one
 * runs. Files ingested in between belong to the cycle, whichever of its runs (first, resumed,
 * rerun) read them, so a restarted cycle reports and reconciles the whole cycle.
 */
record RunWindow(Timestamp from, Timestamp to) {

    static RunWindow of(List<JobExecution> executions) {
        LocalDateTime since = executions.stream().map(JobExecution::getCreateTime).min(Comparator.naturalOrder())
                .orElse(LocalDateTime.now());
        boolean running = executions.stream().anyMatch(e -> e.getEndTime() == null);
        LocalDateTime until = running ? LocalDateTime.now() : executions.stream().map(JobExecution::getEndTime)
                .max(Comparator.naturalOrder()).orElse(LocalDateTime.now());
        return new RunWindow(Timestamp.valueOf(since), Timestamp.valueOf(until));
    }
}
