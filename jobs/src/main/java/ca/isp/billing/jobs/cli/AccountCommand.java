package ca.isp.billing.jobs.cli;

import org.springframework.beans.factory.ObjectProvider;

import ca.isp.billing.jobs.collections.AccountReinstatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** run.sh account reinstate ACCOUNT [--by NAME]: a written-off account back to ACTIVE, recorded with who and when. */
@Command(name = "account")
class AccountCommand extends CommandGroup {

    private final ObjectProvider<AccountReinstatement> reinstatement;

    AccountCommand(ObjectProvider<AccountReinstatement> reinstatement) {
        super("usage: account reinstate ACCOUNT [--by NAME]");
        this.reinstatement = reinstatement;
    }

    @Command(name = "reinstate")
    int reinstate(@Parameters(index = "0", arity = "0..1") String account, @Option(names = "--by") String by) {
        if (account == null) {
            throw usageError();
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
