package ca.isp.billing.jobs.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

import ca.isp.billing.jobs.support.CollectionsJob;

/**
 * Writes the run report of a daily job when it ends, completed or not (a failed run's page shows
 * where it stopped): the collections job's page for its date, the usage ingest's for the day.
 * A page that cannot be made is logged and does not change the job's outcome.
 */
public final class RunReportListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);

    private final RunReport report;
    private final RunReport.Page page;
    private final JobRepository jobRepository;
    private final Clock clock;

    private RunReportListener(RunReport report, RunReport.Page page, JobRepository jobRepository, Clock clock) {
        this.report = report;
        this.page = page;
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /** The collections page of the job's date: all the date's runs (first, resumed). */
    public static RunReportListener collections(RunReport report, JobRepository jobRepository) {
        return new RunReportListener(report, RunReport.Page.COLLECTIONS, jobRepository, null);
    }

    /** The ingest page of today (the clock's), this run's figures: each run of the day replaces it. */
    public static RunReportListener ingest(RunReport report, Clock clock) {
        return new RunReportListener(report, RunReport.Page.INGEST, null, clock);
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            if (page == RunReport.Page.COLLECTIONS) {
                LocalDate date = (LocalDate) execution.getJobParameters().getParameter(CollectionsJob.DATE).value();
                // this run's own execution is the live one (the repository's copy lags behind it)
                List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
                executions.removeIf(e -> e.getId() == execution.getId());
                executions.add(execution);
                report.writeCollections(date, executions);
            } else {
                report.writeIngest(LocalDate.now(clock), execution);
            }
        } catch (RuntimeException e) {
            log.error("The run report of {} {} was not written: {}", execution.getJobInstance().getJobName(),
                    execution.getJobParameters(), e.toString());
        }
    }
}
