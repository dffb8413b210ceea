package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.bench.IngestBench;
import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh bench ingest [--records N]: ingest + rate against raw batched inserts; the last line is the issue's. */
@Command(name = "bench-ingest", hidden = true)
class BenchIngestCommand implements Callable<Integer> {

    @Option(names = "--records")
    String records;

    private final IngestBench ingestBench;

    BenchIngestCommand(IngestBench ingestBench) {
        this.ingestBench = ingestBench;
    }

    @Override
    public Integer call() throws IOException {
        long count = CommandArguments.number("records", records, 1_000_000);
        if (count < 10 || count > 100_000_000) {
            throw new UsageException("--records must be from 10 to 100,000,000");
        }
        try {
            IngestBench.Result result = ingestBench.run(count);
            System.out.printf("ingest and rate: %d records in %.1f s; raw insert: %d rows in %.1f s%n", result.records(),
                    result.ingestSeconds(), result.rows(), result.rawSeconds());
            System.out.println(result.lastLine());
            return BillingCommandLine.OK;
        } catch (java.sql.SQLException | IllegalStateException e) {
            System.err.println("error: the bench failed: " + e.getMessage());
            return BillingCommandLine.FAILED;
        }
    }
}
