package ca.isp.billing.jobs.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.report.ManagementReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report revenue|tax|ageing|payments|payment_totals|invoices|write_offs[,...]|all --from D --to D
 * [--format csv|html|xlsx]}: the reports of the period under out/reports/management/ (an XLSX sheet per report).
 */
@Command(name = "report")
class ReportCommand implements Callable<Integer>, BillingCommandLine.CommandUsage {

    private static final String USAGE = "usage: report revenue|tax|ageing|payments|payment_totals|invoices|write_offs|all"
            + " --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|html|xlsx]";

    /** The reports, comma-separated, or all. */
    @Parameters(arity = "0..1")
    String names;
    @Option(names = "--from")
    String from;
    @Option(names = "--to")
    String to;
    @Option(names = "--format")
    String format;

    private final ManagementReports reports;

    ReportCommand(ManagementReports reports) {
        this.reports = reports;
    }

    @Override
    public String usageLine() {
        return USAGE;
    }

    @Override
    public Integer call() {
        if (names == null) {
            throw new UsageException(USAGE);
        }
        List<ManagementReports.Kind> kinds = new ArrayList<>();
        try {
            if (names.equals("all")) {
                kinds.addAll(List.of(ManagementReports.Kind.values()));
            } else {
                for (String name : names.split(",")) {
                    ManagementReports.Kind kind = ManagementReports.Kind.of(name);
                    if (!kinds.contains(kind)) {
                        kinds.add(kind);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LocalDate start = CommandArguments.date("from", from);
        LocalDate end = CommandArguments.date("to", to);
        if (end.isBefore(start)) {
            throw new UsageException("--to " + end + " is before --from " + start);
        }
        String chosen = format == null ? "csv" : format;
        ManagementReports.Format typed = Arrays.stream(ManagementReports.Format.values())
                .filter(f -> f.name().equalsIgnoreCase(chosen)).findFirst()
                .orElseThrow(() -> new UsageException("--format must be csv, html or xlsx, not '" + chosen + "'"));
        for (Path file : reports.write(kinds, start, end, typed)) {
            System.out.println(file.toAbsolutePath().normalize());
        }
        return BillingCommandLine.OK;
    }
}
