package ca.isp.billing.jobs.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.review.ReviewDesk;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.CollectionsJob;
import ca.isp.billing.jobs.support.UsageIngestJob;

/**
 * What waits for a person, whoever started the runs (cron, the scheduler, an operator): invoices
 * held for review, and the last run of a job that failed or stopped and was not resumed. Each
 * finding is raised as an alert (once per key: a held cycle once a day, a failed run once) and
 * returned as a line for the command line ({@code run.sh alerts}, exit 4 when there is one).
 */
@Component
public class AttentionCheck {

    private final ReviewDesk reviewDesk;
    private final JobRepository jobRepository;
    private final OperatorAlerts alerts;
    private final Clock clock;

    public AttentionCheck(ReviewDesk reviewDesk, JobRepository jobRepository, OperatorAlerts alerts, Clock clock) {
        this.reviewDesk = reviewDesk;
        this.jobRepository = jobRepository;
        this.alerts = alerts;
        this.clock = clock;
    }

    public List<String> check() {
        LocalDate today = LocalDate.now(clock);
        List<String> found = new ArrayList<>();
        reviewDesk.waiting().forEach((cycle, count) -> {
            String line = String.format("cycle %s has %d invoice%s held for review: ./run.sh review --cycle-date %s",
                    cycle, count, count == 1 ? "" : "s", cycle);
            found.add(line);
            // once a day while they wait: a reminder, not a flood
            alerts.raise("review-hold:" + cycle + ":" + today, "Billing: " + count + " invoice" + (count == 1 ? "" : "s")
                    + " of cycle " + cycle + " held for review", "The review gate held " + line + ".\n"
                    + "Release (./run.sh review --cycle-date " + cycle + " --release ALL, then ./run.sh rerun"
                    + " --cycle-date " + cycle + ") or void them (--void INVOICE --reason TEXT).");
        });
        for (JobExecution execution : BillingCycleJob.lastExecutions(jobRepository, 12)) {
            unfinished(execution, BillingCycleJob.describe(execution), execution.getStatus() == BatchStatus.FAILED
                    || execution.getStatus() == BatchStatus.STOPPED ? (BillingCycleJob.rerun(execution) == null
                    ? "./run.sh bill --cycle-date " : "./run.sh rerun --cycle-date ")
                    + BillingCycleJob.cycleDate(execution) : null, found);
        }
        for (String job : List.of(CollectionsJob.NAME, UsageIngestJob.NAME)) {
            JobInstance instance = jobRepository.getLastJobInstance(job);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last != null) {
                unfinished(last, job.equals(UsageIngestJob.NAME) ? "usage ingest" : "collections "
                        + last.getJobParameters().getLocalDate(CollectionsJob.DATE), job.equals(UsageIngestJob.NAME)
                        ? "./run.sh ingest" : "./run.sh collections --date "
                        + last.getJobParameters().getLocalDate(CollectionsJob.DATE), found);
            }
        }
        alerts.sendPending();
        return found;
    }

    private void unfinished(JobExecution execution, String what, String command, List<String> found) {
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            return; // completed, abandoned, or running (perhaps live: the run guard's business)
        }
        String line = what + " " + status + " (run " + execution.getId() + "): resume it with " + command;
        found.add(line);
        alerts.raise("run-failed:" + execution.getJobInstance().getJobName() + ":" + execution.getId(),
                "Billing: " + what + " " + status, line + "\n(./run.sh status says more; the log is "
                        + "var/logs/billing.log)");
    }
}
