package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;

/**
 * A command that only groups subcommands ({@code export journal}, {@code payments assign}, ...):
 * given no subcommand, or a word it lacks, it says its usage line.
 */
abstract class CommandGroup implements Callable<Integer>, BillingCommandLine.CommandUsage, BillingCommandLine.StrictWords {

    private final String usage;

    CommandGroup(String usage) {
        this.usage = usage;
    }

    @Override
    public String usageLine() {
        return usage;
    }

    @Override
    public Integer call() {
        throw usageError();
    }

    /** For a subcommand missing one of its words. */
    UsageException usageError() {
        return new UsageException(usage);
    }
}
