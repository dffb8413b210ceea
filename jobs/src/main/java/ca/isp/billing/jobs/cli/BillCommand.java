package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.DryRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh bill --cycle-date D [--force] [--dry-run [--keep]] [--workers local|remote]: the billing cycle. */
@Command(name = "bill")
class BillCommand implements Callable<Integer> {

    @Option(names = "--cycle-date")
    String cycleDate;
    /** Accepted, no longer needed: a dead run is recovered without it. */
    @Option(names = "--recover")
    boolean recover;
    @Option(names = "--force")
    boolean force;
    @Option(names = "--dry-run")
    boolean dryRun;
    @Option(names = "--keep")
    boolean keep;
    /** Where partitions run; BillingMain has already made this process a manager for remote. */
    @Option(names = "--workers")
    String workers;

    private final CycleLauncher launcher;
    private final DryRun rehearsals;
    private final CycleOutcomes outcomes;

    BillCommand(CycleLauncher launcher, DryRun rehearsals, CycleOutcomes outcomes) {
        this.launcher = launcher;
        this.rehearsals = rehearsals;
        this.outcomes = outcomes;
    }

    /** {@code --workers local|remote}; a dry run stays on this machine. */
    static void checkWorkers(String workers, boolean dryRun) {
        String chosen = workers == null ? "local" : workers;
        if (!chosen.equals("local") && !chosen.equals("remote")) {
            throw new UsageException("--workers must be local or remote, not '" + chosen + "'");
        }
        if (chosen.equals("remote") && dryRun) {
            throw new UsageException("--dry-run rehearses on this machine only: leave out --workers remote");
        }
    }

    @Override
    public Integer call() throws IOException {
        checkWorkers(workers, dryRun);
        List<CycleLauncher.Option> chosen = new ArrayList<>();
        if (recover) {
            chosen.add(CycleLauncher.Option.RECOVER);
        }
        if (force) {
            chosen.add(CycleLauncher.Option.FORCE);
        }
        if (dryRun) {
            return dryRun(CommandArguments.cycleDate(cycleDate), chosen.toArray(CycleLauncher.Option[]::new));
        }
        if (keep) {
            throw new UsageException("--keep goes with --dry-run (it keeps the dry run's copy)");
        }
        int exit = outcomes.exitCode(launcher.bill(CommandArguments.cycleDate(cycleDate),
                chosen.toArray(CycleLauncher.Option[]::new)));
        outcomes.waitingForReview();
        return exit;
    }

    /** bill --dry-run: the cycle rehearsed on a copy; prints what it would issue, stores and sends nothing. */
    private int dryRun(LocalDate cycleDate, CycleLauncher.Option... options) throws IOException {
        DryRun.Rehearsal rehearsal = rehearsals.rehearse(cycleDate, keep, options);
        CycleOutcome outcome = rehearsal.outcome();
        if (outcome.result() != CycleOutcome.Result.COMPLETED) {
            return outcomes.exitCode(outcome);
        }
        Path summary = rehearsal.folder().resolve("run-summary.txt");
        if (Files.isRegularFile(summary)) {
            System.out.println(Files.readString(summary, StandardCharsets.UTF_8));
        }
        System.out.printf("Dry run of cycle %s: %d invoices, %d of them would be held (untaxed or for review);"
                + " nothing was stored or sent.%n", cycleDate, rehearsal.invoices(), rehearsal.held());
        rehearsal.totalsByCurrency().forEach((currency, t) -> System.out.printf(
                "  %s: subtotal %s, tax %s, total %s, amount due %s%n", currency, t.subtotal().toPlainString(),
                t.tax().toPlainString(), t.total().toPlainString(), t.amountDue().toPlainString()));
        System.out.println("Would-be invoices and lines: " + rehearsal.folder().resolve("invoices.csv") + ", "
                + rehearsal.folder().resolve("invoice-lines.csv"));
        if (rehearsal.keptCopy() != null) {
            System.out.println("The copy, with its PDFs and hand-off files, is kept in " + rehearsal.keptCopy()
                    + (rehearsal.keptSchema() == null ? "" : " and the database schema " + rehearsal.keptSchema())
                    + " (delete it when done; a dry run removes copies older than a day)");
        }
        return BillingCommandLine.OK;
    }
}
