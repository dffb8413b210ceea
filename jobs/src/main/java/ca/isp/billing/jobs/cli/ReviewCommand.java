package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.review.ReviewDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code review --cycle-date D} lists the invoices the review gate held; {@code --release ALL|INVOICE...}
 * or {@code --void INVOICE... --reason TEXT} decides, as {@code --by NAME} or the OS user.
 */
@Command(name = "review")
class ReviewCommand implements Callable<Integer>, BillingCommandLine.CommandUsage, BillingCommandLine.StrictWords {

    @Option(names = "--cycle-date")
    String cycleDate;
    @Option(names = "--release", arity = "0..*")
    List<String> release;
    @Option(names = "--void", arity = "0..*")
    List<String> voids;
    @Option(names = "--reason")
    String reason;
    @Option(names = "--by")
    String by;

    private final ReviewDesk reviewDesk;

    ReviewCommand(ReviewDesk reviewDesk) {
        this.reviewDesk = reviewDesk;
    }

    @Override
    public String usageLine() {
        return null;
    }

    @Override
    public String unknownOptionHint() {
        return " (--cycle-date D [--release ALL|INVOICE... | --void INVOICE... --reason TEXT] [--by NAME])";
    }

    @Override
    public Integer call() {
        if (release != null && release.isEmpty()) {
            throw new UsageException("--release needs ALL or invoice numbers");
        }
        if (voids != null && voids.isEmpty()) {
            throw new UsageException("--void needs ALL or invoice numbers");
        }
        LocalDate date = CommandArguments.cycleDate(cycleDate);
        if (release != null && voids != null) {
            throw new UsageException("--release and --void are two decisions: one at a time");
        }
        if (reason != null && voids == null) {
            throw new UsageException("--reason goes with --void");
        }
        String who = CommandArguments.by(by);
        try {
            if (release != null) {
                List<String> numbers = release.size() == 1 && release.get(0).equals("ALL") ? List.of() : release;
                int released = reviewDesk.release(date, numbers, who);
                System.out.printf("%d invoice%s released by %s; ./run.sh rerun --cycle-date %s renders and sends %s%n",
                        released, released == 1 ? "" : "s", who, date, released == 1 ? "it" : "them");
                return BillingCommandLine.OK;
            }
            if (voids != null) {
                List<String> notes = reviewDesk.voidInvoices(date, voids, reason, who);
                for (int i = 0; i < voids.size(); i++) {
                    System.out.printf("%s voided by %s: credit note %s%n", voids.get(i), who, notes.get(i));
                }
                return BillingCommandLine.OK;
            }
        } catch (ReviewDesk.Refused e) {
            return CommandArguments.usage(e.getMessage());
        }
        List<ReviewDesk.Held> held = reviewDesk.held(date);
        long waiting = held.stream().filter(h -> "HELD".equals(h.reviewStatus())).count();
        System.out.printf("Cycle %s: %d invoice%s held for review%n", date, waiting, waiting == 1 ? "" : "s");
        for (ReviewDesk.Held h : held) {
            System.out.printf("  %s  account %s  %s %s  %s%n", h.invoiceNumber(), h.accountNumber(),
                    h.total().toPlainString(), h.currency(), h.reviewStatus());
            h.reasons().forEach(line -> System.out.println("      " + line));
        }
        if (waiting > 0) {
            System.out.printf("Decide: ./run.sh review --cycle-date %s --release ALL|INVOICE... "
                    + "or --void INVOICE... --reason TEXT%n", date);
        }
        return BillingCommandLine.OK;
    }
}
