package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.demo.DemoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh demo [--accounts N] [--seed S] [--cycle-date D]: the demo's files, imported, then the
 * cycle billed as by bill (its dates are the demo's own: forced).
 */
@Command(name = "demo")
class DemoCycleCommand implements Callable<Integer> {

    @Option(names = "--accounts")
    String accounts;
    @Option(names = "--seed")
    String seed;
    @Option(names = "--cycle-date")
    String cycleDate;

    private final DemoCommand demo;
    private final CycleLauncher launcher;
    private final CycleOutcomes outcomes;

    DemoCycleCommand(DemoCommand demo, CycleLauncher launcher, CycleOutcomes outcomes) {
        this.demo = demo;
        this.launcher = launcher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() throws IOException {
        long accountCount = CommandArguments.number("accounts", accounts, DemoCommand.DEFAULT_ACCOUNTS);
        if (accountCount < 1 || accountCount > 10_000_000) {
            throw new UsageException("--accounts must be between 1 and 10,000,000, not " + accountCount);
        }
        long seedValue = CommandArguments.number("seed", seed, DemoCommand.DEFAULT_SEED);
        LocalDate date = cycleDate != null ? CommandArguments.cycleDate(cycleDate) : demo.defaultCycleDate();
        demo.prepare((int) accountCount, seedValue, date);
        int exit = outcomes.exitCode(launcher.bill(date, CycleLauncher.Option.FORCE));
        demo.printWhereThingsAre(date);
        return exit;
    }
}
