package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Value;

import ca.isp.billing.jobs.schedule.JobScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh scheduler [--file schedules.yml]: the built-in scheduler, until SIGTERM or Ctrl-C (the
 * running job stops at its chunk boundary and is resumed by the next start).
 */
@Command(name = "scheduler")
class SchedulerCommand implements Callable<Integer> {

    @Option(names = "--file")
    String file;

    private final JobScheduler jobScheduler;
    private final String schedulesFile;

    SchedulerCommand(JobScheduler jobScheduler,
                     @Value("${billing.scheduler.file:${BILLING_SCHEDULES:schedules/schedules.yml}}") String schedulesFile) {
        this.jobScheduler = jobScheduler;
        this.schedulesFile = schedulesFile;
    }

    @Override
    public Integer call() throws IOException {
        try {
            jobScheduler.run(Path.of(file != null ? file : schedulesFile));
            return BillingCommandLine.OK;
        } catch (java.sql.SQLException | IllegalStateException e) {
            System.err.println("error: the scheduler could not start: " + e.getMessage());
            return BillingCommandLine.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BillingCommandLine.FAILED;
        }
    }
}
