package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.review.ReviewDesk;

/** What became of a run, printed for the operator, and its exit code: shared by the commands that launch jobs. */
@Component
class CycleOutcomes {

    private final BillingProperties properties;
    private final ReviewDesk reviewDesk;

    CycleOutcomes(BillingProperties properties, ReviewDesk reviewDesk) {
        this.properties = properties;
        this.reviewDesk = reviewDesk;
    }

    /** Prints what became of a cycle and gives its exit code. */
    int exitCode(CycleOutcome outcome) {
        return switch (outcome.result()) {
            case COMPLETED -> {
                Path summary = properties.reports(outcome.cycleDate()).resolve("run-summary.txt");
                try {
                    System.out.println(Files.readString(summary, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    System.out.println("(run summary not readable: " + summary + ")");
                }
                System.out.println(outcome.message() + " Summary: " + summary);
                Path runReport = summary.resolveSibling("run-report.html");
                if (Files.isRegularFile(runReport)) {
                    System.out.println("Run report (charts, for a browser): " + runReport);
                }
                yield BillingCommandLine.OK;
            }
            case ALREADY_COMPLETED -> {
                System.out.println(outcome.message());
                yield BillingCommandLine.OK;
            }
            case REFUSED -> CommandArguments.usage(outcome.message());
            case IN_THE_WAY -> {
                System.err.println("error: " + outcome.message());
                yield BillingCommandLine.IN_THE_WAY;
            }
            case STOPPED -> {
                System.err.println(outcome.message());
                yield BillingCommandLine.FAILED;
            }
            case FAILED -> {
                System.err.println("error: " + outcome.message());
                yield BillingCommandLine.FAILED;
            }
        };
    }

    /** A job that is not a cycle (ingest, collections, rerate): its message when it completes, else as a cycle. */
    int jobExitCode(CycleOutcome outcome) {
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return BillingCommandLine.OK;
        }
        return exitCode(outcome);
    }

    /**
     * Invoice-now and close-account: a refusal is about the account or quote named (exit 2),
     * not the command line.
     */
    int accountJobExitCode(CycleOutcome outcome) {
        if (outcome.result() == CycleOutcome.Result.REFUSED) {
            System.err.println("error: " + outcome.message());
            return BillingCommandLine.BAD_INPUT;
        }
        return jobExitCode(outcome);
    }

    /** Held invoices never block a run; each run says they wait, so cron's mail shows it every day. */
    void waitingForReview() {
        try {
            reviewDesk.waiting().forEach((cycle, count) -> System.out.printf(
                    "note: cycle %s has %d invoice%s held for review: ./run.sh review --cycle-date %s%n", cycle, count,
                    count == 1 ? "" : "s", cycle));
        } catch (RuntimeException e) {
            // the database is what failed the run: the outcome printed above says so
        }
    }
}
