package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh collections --date D: the daily collections job; its counts when it completes. */
@Command(name = "collections")
class CollectionsCommand implements Callable<Integer> {

    @Option(names = "--date")
    String date;

    private final CollectionsLauncher collectionsLauncher;
    private final CycleOutcomes outcomes;

    CollectionsCommand(CollectionsLauncher collectionsLauncher, CycleOutcomes outcomes) {
        this.collectionsLauncher = collectionsLauncher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        if (date == null) {
            throw new UsageException("--date YYYY-MM-DD is required");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be a date like 2026-11-01, not '" + date + "'");
        }
        return outcomes.jobExitCode(collectionsLauncher.collect(day));
    }
}
