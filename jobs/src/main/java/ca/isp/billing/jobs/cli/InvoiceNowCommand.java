package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.InvoiceNowLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh invoice-now --account A [--quote Q]: the account's accepted quotes invoiced on their own, today. */
@Command(name = "invoice-now")
class InvoiceNowCommand implements Callable<Integer> {

    @Option(names = "--account")
    String account;
    @Option(names = "--quote")
    String quote;

    private final InvoiceNowLauncher invoiceNowLauncher;
    private final CycleOutcomes outcomes;

    InvoiceNowCommand(InvoiceNowLauncher invoiceNowLauncher, CycleOutcomes outcomes) {
        this.invoiceNowLauncher = invoiceNowLauncher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        if (account == null || account.isBlank()) {
            throw new UsageException("--account ACCOUNT_NUMBER is required");
        }
        return outcomes.accountJobExitCode(invoiceNowLauncher.invoiceNow(account, quote));
    }
}
