package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.report.UsageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh usage --from D --to D [--format csv|table]: usage per service identifier over [from, to). */
@Command(name = "usage")
class UsageCommand implements Callable<Integer> {

    @Option(names = "--from")
    String from;
    @Option(names = "--to")
    String to;
    @Option(names = "--format")
    String format;

    private final UsageReport usageReport;

    UsageCommand(UsageReport usageReport) {
        this.usageReport = usageReport;
    }

    @Override
    public Integer call() {
        LocalDate start = CommandArguments.date("from", from);
        LocalDate end = CommandArguments.date("to", to);
        if (!end.isAfter(start)) {
            throw new UsageException("--to must be after --from (usage that started from --from to --to, excluded)");
        }
        String chosen = format == null ? "table" : format;
        if (!chosen.equals("csv") && !chosen.equals("table")) {
            throw new UsageException("--format must be csv or table, not '" + chosen + "'");
        }
        System.out.print(chosen.equals("csv") ? usageReport.csv(start, end) : usageReport.table(start, end));
        return BillingCommandLine.OK;
    }
}
