package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import picocli.CommandLine.Command;

/** run.sh ingest: the ingest and rate steps alone (hourly cron); the outcome's exit code as for a cycle. */
@Command(name = "ingest")
class IngestCommand implements Callable<Integer> {

    private final UsageIngestLauncher ingestLauncher;
    private final CycleOutcomes outcomes;

    IngestCommand(UsageIngestLauncher ingestLauncher, CycleOutcomes outcomes) {
        this.ingestLauncher = ingestLauncher;
        this.outcomes = outcomes;
    }

    @Override
    public Integer call() {
        return outcomes.jobExitCode(ingestLauncher.ingest());
    }
}
