package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.report.TaxLiabilityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh tax-report --from D --to D: the tax liability of a period, as a CSV under out/reports/tax-liability/. */
@Command(name = "tax-report")
class TaxReportCommand implements Callable<Integer> {

    @Option(names = "--from")
    String from;
    @Option(names = "--to")
    String to;

    private final TaxLiabilityReport taxReport;

    TaxReportCommand(TaxLiabilityReport taxReport) {
        this.taxReport = taxReport;
    }

    @Override
    public Integer call() {
        LocalDate start = CommandArguments.date("from", from);
        LocalDate end = CommandArguments.date("to", to);
        if (end.isBefore(start)) {
            throw new UsageException("--to " + end + " is before --from " + start);
        }
        TaxLiabilityReport.Liability liability = taxReport.write(start, end);
        System.out.printf("Tax liability %s to %s: %d rows%n", start, end, liability.rows().size());
        liability.taxByCurrency().forEach((currency, tax) -> System.out.printf("  %s tax collected %s on %d invoices%n",
                currency, tax.toPlainString(), liability.invoicesByCurrency().get(currency)));
        System.out.println("  " + liability.file().toAbsolutePath().normalize());
        return BillingCommandLine.OK;
    }
}
