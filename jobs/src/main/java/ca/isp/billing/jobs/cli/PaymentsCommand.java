package ca.isp.billing.jobs.cli;

import java.util.List;

import ca.isp.billing.jobs.payments.PaymentSuspense;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code payments suspense} lists the money received for no known account or invoice;
 * {@code payments assign REF ACCOUNT [--by NAME]} applies one line to an account (recorded with
 * who and when; the same assignment again changes nothing).
 */
@Command(name = "payments")
class PaymentsCommand extends CommandGroup {

    private final PaymentSuspense suspense;

    PaymentsCommand(PaymentSuspense suspense) {
        super("usage: payments suspense | payments assign REF ACCOUNT [--by NAME]");
        this.suspense = suspense;
    }

    @Command(name = "suspense")
    int suspense() {
        List<PaymentSuspense.Line> lines = suspense.lines();
        long open = lines.stream().filter(l -> PaymentSuspense.OPEN.equals(l.status())).count();
        System.out.printf("%d payment%s in suspense%n", open, open == 1 ? "" : "s");
        for (PaymentSuspense.Line l : lines) {
            System.out.printf("  %-20s %10s  received %s  %-8s  %s line %d: %s%s%n", l.paymentRef(),
                    l.amount().toPlainString(), l.receivedOn(), l.status(), l.file(), l.line(), l.reason(),
                    l.assignedTo() == null ? "" : " -> account " + l.assignedTo() + " by " + l.assignedBy() + " at "
                            + l.assignedAt());
        }
        if (open > 0) {
            System.out.println("Assign: ./run.sh payments assign REF ACCOUNT [--by NAME]");
        }
        return BillingCommandLine.OK;
    }

    @Command(name = "assign")
    int assign(@Parameters(index = "0", arity = "0..1") String ref, @Parameters(index = "1", arity = "0..1") String account,
               @Option(names = "--by") String by) {
        if (ref == null || account == null) {
            throw usageError();
        }
        String who = CommandArguments.by(by);
        try {
            PaymentSuspense.Assignment a = suspense.assign(ref, account, who);
            if (a.alreadyAssigned()) {
                System.out.printf("%s was already assigned to account %s by %s at %s: nothing changed%n",
                        a.paymentRef(), a.accountNumber(), a.by(), a.at());
            } else {
                System.out.printf("%s (%s) assigned to account %s by %s; credit left %s%n", a.paymentRef(),
                        a.amount().toPlainString(), a.accountNumber(), a.by(), a.credit().toPlainString());
            }
            return BillingCommandLine.OK;
        } catch (PaymentSuspense.Refused e) {
            System.err.println("error: " + e.getMessage());
            return BillingCommandLine.BAD_INPUT;
        }
    }
}
