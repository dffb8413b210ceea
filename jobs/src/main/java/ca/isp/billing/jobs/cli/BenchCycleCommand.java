package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.demo.CycleBench;
import ca.isp.billing.jobs.demo.DemoCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh bench cycle: a demo ISP of --accounts with about --usage records billed whole; each
 * step's time and items a second, then the last line. With --partitions (run.sh bench
 * partitions) only the line of charge + tax + render at this run's grid size.
 */
@Command(name = "bench-cycle", hidden = true)
class BenchCycleCommand implements Callable<Integer> {

    @Option(names = "--accounts")
    String accounts;
    @Option(names = "--usage")
    String usage;
    @Option(names = "--seed")
    String seed;
    @Option(names = "--partitions")
    boolean partitions;
    @Option(names = "--workers")
    String workers;

    private final CycleBench cycleBench;
    private final BillingProperties properties;

    BenchCycleCommand(CycleBench cycleBench, BillingProperties properties) {
        this.cycleBench = cycleBench;
        this.properties = properties;
    }

    @Override
    public Integer call() throws IOException {
        BillCommand.checkWorkers(workers, false);
        long accountCount = CommandArguments.number("accounts", accounts, 10_000);
        if (accountCount < 10 || accountCount > 1_000_000) {
            throw new UsageException("--accounts must be from 10 to 1,000,000");
        }
        long usageCount = CommandArguments.number("usage", usage,
                Math.round(accountCount * DemoIspGenerator.USAGE_PER_ACCOUNT));
        if (usageCount < accountCount || usageCount > 100L * accountCount) {
            throw new UsageException("--usage must be from 1 to 100 records an account (" + accountCount + " to "
                    + 100L * accountCount + ")");
        }
        CycleBench.Result result = cycleBench.run((int) accountCount, usageCount,
                CommandArguments.number("seed", seed, DemoCommand.DEFAULT_SEED));
        if (result.outcome() != CycleOutcome.Result.COMPLETED) {
            System.err.println("error: the cycle ended " + result.outcome() + " (see the log)");
            return BillingCommandLine.FAILED;
        }
        if (partitions) {
            List<String> names = List.of("charge", "tax", "render");
            double seconds = result.seconds(names);
            long invoices = result.step("render").written();
            // run.sh starts the worker processes of --workers remote, one partition each
            String where = "remote".equals(workers)
                    ? properties.effectiveGridSize() + " worker processes" : properties.effectiveGridSize() + " local";
            System.out.printf("partitions: %s: charge+tax+render %.1f s (charge %.1f, tax %.1f, render %.1f),"
                            + " %.0f invoices/s%n", where, seconds,
                    result.step("charge").seconds(), result.step("tax").seconds(), result.step("render").seconds(),
                    seconds > 0 ? invoices / seconds : 0);
            return BillingCommandLine.OK;
        }
        System.out.printf("%-20s %10s %12s %12s %12s%n", "step", "seconds", "read", "written", "items/s");
        for (CycleBench.StepTime step : result.steps()) {
            System.out.printf("%-20s %10.1f %,12d %,12d %,12.0f%n", step.name(), step.seconds(), step.read(),
                    step.written(), step.itemsPerSecond());
        }
        System.out.printf("(%,d usage lines generated, grid size %d)%n", result.usageRecords(),
                properties.effectiveGridSize());
        System.out.println(result.lastLine());
        return BillingCommandLine.OK;
    }
}
