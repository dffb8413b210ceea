package ca.isp.billing.jobs.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.render.InvoiceRerender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh rerender (--invoice N | --cycle-date D [--accounts A,B]) [--force]: draws issued invoices'
 * PDFs again from the database (after a template fix, or a working copy lost or damaged): numbers
 * and amounts unchanged, a delivered copy archived beside the new file; a letter whose delivered
 * copy is lost or changed only with --force.
 */
@Command(name = "rerender")
class RerenderCommand implements Callable<Integer> {

    @Option(names = "--invoice")
    String invoice;
    @Option(names = "--cycle-date")
    String cycleDate;
    @Option(names = "--accounts")
    String accounts;
    @Option(names = "--force")
    boolean force;

    private final InvoiceRerender invoiceRerender;

    RerenderCommand(InvoiceRerender invoiceRerender) {
        this.invoiceRerender = invoiceRerender;
    }

    @Override
    public Integer call() {
        if (invoice == null && cycleDate == null) {
            throw new UsageException("rerender needs --invoice NUMBER or --cycle-date YYYY-MM-DD");
        }
        List<String> chosen = accounts == null ? List.of()
                : Arrays.stream(accounts.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (!chosen.isEmpty() && invoice != null) {
            throw new UsageException("rerender takes --accounts with --cycle-date, not with --invoice");
        }
        InvoiceRerender.Outcome outcome;
        try {
            outcome = invoiceRerender.rerender(invoice, invoice == null ? CommandArguments.cycleDate(cycleDate) : null,
                    chosen, force);
        } catch (IllegalArgumentException e) {
            return CommandArguments.usage(e.getMessage());
        }
        outcome.rerendered().forEach(line -> System.out.println("re-rendered " + line));
        outcome.refused().forEach(line -> System.err.println("not re-rendered " + line));
        return outcome.refused().isEmpty() ? BillingCommandLine.OK
                : CommandArguments.usage(outcome.refused().size() + " invoice(s) not re-rendered");
    }
}
