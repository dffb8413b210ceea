package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh rerate --from D --to D: rates again the records of [from, to) not invoiced yet. */
@Command(name = "rerate")
class RerateCommand implements Callable<Integer> {

    @Option(names = "--from")
    String from;
    @Option(names = "--to")
    String to;

    private final UsageIngestLauncher ingestLauncher;
    private final CycleOutcomes outcomes;

    RerateCommand(UsageIngestLauncher ingestLauncher, CycleOutcomes outcomes) {
        this.ingestLauncher = ingestLauncher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        LocalDate start = CommandArguments.date("from", from);
        LocalDate end = CommandArguments.date("to", to);
        if (!end.isAfter(start)) {
            throw new UsageException("--to must be after --from (usage that started from --from to --to, excluded)");
        }
        return outcomes.jobExitCode(ingestLauncher.rerate(start, end));
    }
}
