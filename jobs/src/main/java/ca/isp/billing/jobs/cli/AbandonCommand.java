package ca.isp.billing.jobs.cli;

import java.io.Console;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.StepProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh abandon --cycle-date D [--yes]: gives up on a cycle's unfinished run. On a terminal the
 * operator confirms by typing the cycle date; without one (cron, a script) --yes is required, so
 * nothing is abandoned by a command that nobody read.
 */
@Command(name = "abandon")
class AbandonCommand implements Callable<Integer> {

    @Option(names = "--cycle-date")
    String cycleDate;
    @Option(names = "--yes")
    boolean yes;

    private final CycleLauncher launcher;
    private final CycleOutcomes outcomes;

    AbandonCommand(CycleLauncher launcher, CycleOutcomes outcomes) {
        this.launcher = launcher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        LocalDate date = CommandArguments.cycleDate(cycleDate);
        Optional<JobExecution> unfinished = launcher.unfinishedRun(date);
        if (unfinished.isEmpty()) {
            return CommandArguments.usage("billing cycle " + date + " has no unfinished run to abandon"
                    + " (./run.sh status --cycle-date " + date + ")");
        }
        JobExecution run = unfinished.get();
        String what = BillingCycleJob.describe(run) + ", run " + run.getId() + " (" + run.getStatus() + ")";
        if (!yes) {
            Console console = System.console();
            if (!StepProgress.onATerminal()) {
                return CommandArguments.usage("abandon needs a confirmation: run it on a terminal, or add --yes in a script");
            }
            console.printf("Abandon %s?%nIt will never be resumed; what it committed stays (issued invoices, charges"
                    + " made).%nType the cycle date (%s) to confirm: ", what, date);
            String answer = console.readLine();
            if (answer == null || !answer.trim().equals(date.toString())) {
                System.out.println("Not abandoned.");
                return BillingCommandLine.USAGE;
            }
        }
        CycleOutcome outcome = launcher.abandon(date);
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            System.out.println("next: ./run.sh status   (a new cycle may start: ./run.sh bill --cycle-date YYYY-MM-DD)");
            return BillingCommandLine.OK;
        }
        return outcomes.exitCode(outcome);
    }
}
