package ca.isp.billing.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;

import ca.isp.billing.jobs.schedule.AttentionCheck;
import picocli.CommandLine.Command;

/**
 * run.sh alerts: emails the operators what waits for them (failed or stopped runs, invoices held
 * for review; each alert once) and exits 4 when something does, so cron mails it too.
 */
@Command(name = "alerts")
class AlertsCommand implements Callable<Integer> {

    private final AttentionCheck attentionCheck;

    AlertsCommand(AttentionCheck attentionCheck) {
        this.attentionCheck = attentionCheck;
    }

    @Override
    public Integer call() {
        List<String> waiting = attentionCheck.check();
        if (waiting.isEmpty()) {
            System.out.println("Nothing waits for an operator.");
            return BillingCommandLine.OK;
        }
        waiting.forEach(line -> System.out.println("attention: " + line));
        return BillingCommandLine.ATTENTION;
    }
}
