package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.ObjectProvider;

import ca.isp.billing.domain.FinalSettlement;
import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.CloseAccountLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * run.sh close-account --account A --date D --refund|--carry [--by NAME]: the account's final
 * bill (service to D, its last day), its credits refunded or carried, the account CLOSED.
 */
@Command(name = "close-account")
class CloseAccountCommand implements Callable<Integer> {

    @Option(names = "--account")
    String account;
    @Option(names = "--date")
    String date;
    @Option(names = "--refund")
    boolean refund;
    @Option(names = "--carry")
    boolean carry;
    @Option(names = "--by")
    String by;

    private final ObjectProvider<CloseAccountLauncher> closeAccountLauncher;
    private final CycleOutcomes outcomes;

    CloseAccountCommand(ObjectProvider<CloseAccountLauncher> closeAccountLauncher, CycleOutcomes outcomes) {
        this.closeAccountLauncher = closeAccountLauncher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        if (account == null || account.isBlank()) {
            throw new UsageException("--account ACCOUNT_NUMBER is required");
        }
        if (date == null) {
            throw new UsageException("--date YYYY-MM-DD (the last day of service) is required");
        }
        LocalDate lastDay;
        try {
            lastDay = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be YYYY-MM-DD, not '" + date + "'");
        }
        if (refund == carry) {
            throw new UsageException("say what becomes of the account's credit: --refund (paid back) or --carry (kept)");
        }
        String who = CommandArguments.by(by);
        return outcomes.accountJobExitCode(closeAccountLauncher.getObject().close(account, lastDay,
                refund ? FinalSettlement.Choice.REFUND : FinalSettlement.Choice.CARRY, who));
    }
}
