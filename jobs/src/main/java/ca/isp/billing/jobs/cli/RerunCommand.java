package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cycle.CycleLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh rerun --cycle-date D [--force] [--workers local|remote]: a completed cycle's steps again, doing what is left. */
@Command(name = "rerun")
class RerunCommand implements Callable<Integer> {

    @Option(names = "--cycle-date")
    String cycleDate;
    @Option(names = "--force")
    boolean force;
    @Option(names = "--workers")
    String workers;

    private final CycleLauncher launcher;
    private final CycleOutcomes outcomes;

    RerunCommand(CycleLauncher launcher, CycleOutcomes outcomes) {
        this.launcher = launcher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        BillCommand.checkWorkers(workers, false);
        LocalDate date = CommandArguments.cycleDate(cycleDate);
        int exit = outcomes.exitCode(force ? launcher.rerun(date, CycleLauncher.Option.FORCE) : launcher.rerun(date));
        outcomes.waitingForReview();
        return exit;
    }
}
