package ca.isp.billing.jobs.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * The top-level command: run.sh's commands, one class each in this package. run.sh has the
 * help text ({@code ./run.sh --help}); a mistake here says one line and points to it.
 */
@Command(name = "run.sh", subcommands = {
        BillCommand.class, RerunCommand.class, WorkerCommand.class, StatusCommand.class, IngestCommand.class,
        CollectionsCommand.class, InvoiceNowCommand.class, CloseAccountCommand.class, AccountCommand.class,
        UsageCommand.class, RerateCommand.class, BenchIngestCommand.class, BenchRenderCommand.class,
        BenchCycleCommand.class, ImportCommand.class, DemoCycleCommand.class, TaxQuoteCommand.class,
        TaxReportCommand.class, ReviewCommand.class, ExportCommand.class, ReportCommand.class,
        AbandonCommand.class, RerenderCommand.class, SchedulerCommand.class, AlertsCommand.class,
        PaymentsCommand.class })
class BillingCommands implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CommandArguments.UsageException("a command is required");
    }
}
