package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import ca.isp.billing.jobs.report.CycleStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh status [--cycle-date D]: the recent cycles, or one cycle's runs, steps and figures. */
@Command(name = "status")
class StatusCommand implements Callable<Integer> {

    @Option(names = "--cycle-date")
    String cycleDate;

    private final CycleStatus status;

    StatusCommand(CycleStatus status) {
        this.status = status;
    }

    @Override
    public Integer call() {
        System.out.print(cycleDate != null ? status.ofCycle(CommandArguments.cycleDate(cycleDate)) : status.overview());
        return BillingCommandLine.OK;
    }
}
