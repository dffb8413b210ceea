package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.ObjectProvider;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.collections.AccountReinstatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** run.sh account reinstate ACCOUNT [--by NAME]: a written-off account back to ACTIVE, recorded with who and when. */
@Command(name = "account")
class AccountCommand implements Callable<Integer>, BillingCommandLine.CommandUsage, BillingCommandLine.StrictWords {

    private static final String USAGE = "usage: account reinstate ACCOUNT [--by NAME]";

    private final ObjectProvider<AccountReinstatement> reinstatement;

    AccountCommand(ObjectProvider<AccountReinstatement> reinstatement) {
        this.reinstatement = reinstatement;
    }

    @Override
    public String usageLine() {
        return USAGE;
    }

    @Override
    public Integer call() {
        throw new UsageException(USAGE);
    }

    @Command(name = "reinstate")
    int reinstate(@Parameters(index = "0", arity = "0..1") String account, @Option(names = "--by") String by) {
        if (account == null) {
            throw new UsageException(USAGE);
        }
        String who = CommandArguments.by(by);
        try {
            AccountReinstatement.Reinstated r = reinstatement.getObject().reinstate(account, who);
            System.out.println(r.already() ? "account " + r.accountNumber() + " was reinstated by " + r.by() + " at "
                    + r.at() + ": nothing changed" : "account " + r.accountNumber() + " reinstated (ACTIVE) by " + r.by());
            return BillingCommandLine.OK;
        } catch (AccountReinstatement.Refused e) {
            System.err.println("error: " + e.getMessage());
            return BillingCommandLine.BAD_INPUT;
        }
    }
}
