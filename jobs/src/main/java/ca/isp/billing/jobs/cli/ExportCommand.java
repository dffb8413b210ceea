package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.jobs.accounting.JournalExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export journal --cycle-date D}: writes again the journal of every run of the cycle
 * from what those runs posted (the same files the runs wrote), checked to balance.
 */
@Command(name = "export")
class ExportCommand extends CommandGroup {

    private final JournalExport journalExport;

    ExportCommand(JournalExport journalExport) {
        super("usage: export journal --cycle-date YYYY-MM-DD");
        this.journalExport = journalExport;
    }

    @Command(name = "journal")
    int journal(@Option(names = "--cycle-date") String cycleDateText) {
        LocalDate cycleDate = CommandArguments.cycleDate(cycleDateText);
        List<JournalExport.Written> written;
        try {
            written = journalExport.writeAll(cycleDate);
        } catch (Journal.UnbalancedJournalException e) {
            System.err.println("error: cycle " + cycleDate + ": " + e.getMessage() + "; nothing written");
            return BillingCommandLine.FAILED;
        }
        if (written.isEmpty()) {
            System.err.println("error: no run of cycle " + cycleDate + " posted a journal (the cycle has not run, or ran"
                    + " before the accounting export existed); `./run.sh rerun --cycle-date " + cycleDate
                    + "` posts every invoice and payment no journal has posted yet");
            return BillingCommandLine.BAD_INPUT;
        }
        for (JournalExport.Written w : written) {
            System.out.printf("Journal of cycle %s%s: %d lines%n", cycleDate, w.rerun() == 0 ? "" : " (rerun " + w.rerun() + ")",
                    w.journal().lineCount());
            w.journal().debits().forEach((currency, debits) -> System.out.printf("  %s debits %s = credits %s%n",
                    currency, debits.toPlainString(), w.journal().credits().get(currency).toPlainString()));
            w.journal().netByAccount().forEach((account, net) -> System.out.printf("    %-16s %s%n", account,
                    net.signum() >= 0 ? "Dr " + net.toPlainString() : "Cr " + net.negate().toPlainString()));
            System.out.println("  " + w.file().toAbsolutePath().normalize());
        }
        return BillingCommandLine.OK;
    }
}
