package ca.isp.billing.jobs.cli;

import java.io.Console;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.UnknownJurisdictionException;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.accounting.JournalExport;
import ca.isp.billing.jobs.bench.IngestBench;
import ca.isp.billing.jobs.demo.RenderBench;
import ca.isp.billing.jobs.render.InvoiceRerender;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.DryRun;
import ca.isp.billing.jobs.cycle.InvoiceNowLauncher;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.demo.DemoCommand;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.remote.RemoteWorker;
import ca.isp.billing.jobs.report.CycleStatus;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.report.ManagementReports;
import ca.isp.billing.jobs.report.TaxLiabilityReport;
import ca.isp.billing.jobs.tax.TaxQuote;
import ca.isp.billing.jobs.report.UsageReport;
import ca.isp.billing.jobs.payments.PaymentSuspense;
import ca.isp.billing.jobs.review.ReviewDesk;
import ca.isp.billing.readers.BadFileException;

/**
 * The operator's commands (run.sh passes its arguments here): {@code bill}, {@code rerun},
 * {@code status}, {@code import}, {@code demo}, {@code tax-quote}, {@code tax-report}, {@code ingest},
 * {@code usage}, {@code rerate}, {@code review}. It only parses arguments, calls the launchers, the importer, the
 * status report, the tax quote, the tax liability report or the usage report, prints plain lines
 * and sets the process exit code.
 */
@Component
public class BillingCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int IN_THE_WAY = 3;
    public static final int FAILED = 5;
    /** run.sh alerts: something waits for a person (a failed run, invoices held for review): for cron's mail. */
    public static final int ATTENTION = 4;

    /** The largest amount a tax quote takes: above it, a typo. */
    private static final BigDecimal MAX_QUOTE = new BigDecimal("1000000.00");

    private final CycleLauncher launcher;
    private final UsageIngestLauncher ingestLauncher;
    private final CollectionsLauncher collectionsLauncher;
    private final UsageReport usageReport;
    private final IngestBench ingestBench;
    private final RenderBench renderBench;
    private final String renderEngine;
    private final CycleStatus status;
    private final ReferenceDataImporter importer;
    private final DemoCommand demo;
    private final TaxQuote taxQuote;
    private final TaxLiabilityReport taxReport;
    private final ReviewDesk reviewDesk;
    private final JournalExport journalExport;
    private final ManagementReports reports;
    private final BillingProperties properties;
    private final DryRun dryRun;
    /** run.sh bench cycle / bench partitions (a field, so the constructor stays as it is). */
    @org.springframework.beans.factory.annotation.Autowired
    private ca.isp.billing.jobs.demo.CycleBench cycleBench;
    @org.springframework.beans.factory.annotation.Autowired
    private InvoiceRerender invoiceRerender;
    private final InvoiceNowLauncher invoiceNowLauncher;
    private final PaymentSuspense suspense;
    private int exitCode = OK;
    // the scheduler's commands, injected apart so the constructor above stays as other branches know it
    @org.springframework.beans.factory.annotation.Autowired
    private ca.isp.billing.jobs.schedule.JobScheduler jobScheduler;
    @org.springframework.beans.factory.annotation.Autowired
    private ca.isp.billing.jobs.schedule.AttentionCheck attentionCheck;
    @Value("${billing.scheduler.file:${BILLING_SCHEDULES:schedules/schedules.yml}}")
    private String schedulesFile;
    /** run.sh close-account (a field, so the constructor stays as other branches know it). */
    @Autowired(required = false)
    private ca.isp.billing.jobs.cycle.CloseAccountLauncher closeAccountLauncher;
    @Autowired(required = false)
    private ca.isp.billing.jobs.collections.AccountReinstatement reinstatement;
    /** Only in a worker process (billing.mode=worker, run.sh worker). */
    @Autowired(required = false)
    private RemoteWorker remoteWorker;
    private final CountDownLatch done = new CountDownLatch(1);

    public BillingCommandLine(CycleLauncher launcher, UsageIngestLauncher ingestLauncher,
                              CollectionsLauncher collectionsLauncher, UsageReport usageReport,
                              IngestBench ingestBench, RenderBench renderBench,
                              @Value("${billing.render.engine:layout}") String renderEngine, CycleStatus status, ReferenceDataImporter importer, DemoCommand demo,
                              TaxQuote taxQuote, TaxLiabilityReport taxReport, ReviewDesk reviewDesk,
                              JournalExport journalExport, ManagementReports reports,
                              BillingProperties properties, DryRun dryRun, InvoiceNowLauncher invoiceNowLauncher,
                              PaymentSuspense suspense) {
        this.invoiceNowLauncher = invoiceNowLauncher;
        this.suspense = suspense;
        this.reviewDesk = reviewDesk;
        this.launcher = launcher;
        this.ingestLauncher = ingestLauncher;
        this.collectionsLauncher = collectionsLauncher;
        this.usageReport = usageReport;
        this.ingestBench = ingestBench;
        this.renderBench = renderBench;
        this.renderEngine = renderEngine;
        this.status = status;
        this.importer = importer;
        this.demo = demo;
        this.taxQuote = taxQuote;
        this.taxReport = taxReport;
        this.journalExport = journalExport;
        this.reports = reports;
        this.properties = properties;
        this.dryRun = dryRun;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Waits until the command has finished (a shutdown waits for a stopping cycle to end cleanly). */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            runCommand(arguments);
        } finally {
            done.countDown();
        }
    }

    private void runCommand(ApplicationArguments arguments) {
        List<String> args = new ArrayList<>();
        for (String arg : arguments.getSourceArgs()) {
            if (!arg.startsWith("--spring.") && !arg.startsWith("--billing.") && !arg.startsWith("--logging.")) {
                args.add(arg);
            }
        }
        if (args.isEmpty()) {
            return; // started by a test or as a library: nothing to do
        }
        try {
            exitCode = switch (args.get(0)) {
                case "bill" -> bill(workers(options(args, "cycle-date", "recover", "force", "dry-run", "keep", "workers")));
                case "rerun" -> rerun(workers(options(args, "cycle-date", "force", "workers")));
                case "worker" -> worker(options(args));
                case "status" -> status(options(args, "cycle-date"));
                case "ingest" -> ingest(options(args));
                case "collections" -> collections(options(args, "date"));
                case "invoice-now" -> invoiceNow(options(args, "account", "quote"));
                case "close-account" -> closeAccount(options(args, "account", "date", "refund", "carry", "by"));
                case "account" -> account(args);
                case "usage" -> usage(options(args, "from", "to", "format"));
                case "rerate" -> rerate(options(args, "from", "to"));
                case "bench-ingest" -> benchIngest(options(args, "records"));
                case "bench-render" -> benchRender(options(args, "invoices", "accounts", "engine"));
                case "bench-cycle" -> benchCycle(workers(options(args, "accounts", "usage", "seed", "partitions", "workers")));
                case "import" -> importFile(args);
                case "demo" -> demo(options(args, "accounts", "seed", "cycle-date"));
                case "tax-quote" -> taxQuote(options(args, "postal-code", "country", "region", "class", "amount", "date"));
                case "tax-report" -> taxReport(options(args, "from", "to"));
                case "review" -> review(args);
                case "export" -> export(args);
                case "report" -> report(args);
                case "abandon" -> abandon(options(args, "cycle-date", "yes"));
                case "rerender" -> rerender(options(args, "invoice", "cycle-date", "accounts", "force"));
                case "scheduler" -> scheduler(options(args, "file"));
                case "alerts" -> alerts(options(args));
                case "payments" -> payments(args);
                default -> usage("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            exitCode = usage(e.getMessage());
        } catch (BadFileException | IOException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = BAD_INPUT;
        }
    }

    /**
     * {@code --workers local|remote}: where partitions run (BillingMain has already made this
     * process the manager of remote workers for {@code remote}). A dry run stays on this machine.
     */
    private static Map<String, String> workers(Map<String, String> options) {
        String workers = options.getOrDefault("workers", "local");
        if (!workers.equals("local") && !workers.equals("remote")) {
            throw new UsageException("--workers must be local or remote, not '" + workers + "'");
        }
        if (workers.equals("remote") && options.containsKey("dry-run")) {
            throw new UsageException("--dry-run rehearses on this machine only: leave out --workers remote");
        }
        return options;
    }

    /** run.sh worker: runs the partitions a manager (bill --workers remote) sends, until SIGTERM. */
    private int worker(Map<String, String> options) {
        if (remoteWorker == null) {
            throw new UsageException("worker runs with billing.mode=worker (run.sh worker sets it)");
        }
        try {
            remoteWorker.run();
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /** A command line mistake: said in one line, exit code 1. */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static int usage(String problem) {
        System.err.println("error: " + problem + " (see ./run.sh --help)");
        return USAGE;
    }

    /** "--name value" pairs after the command; an option the command does not know is a mistake. */
    static Map<String, String> options(List<String> args, String... known) {
        Map<String, String> options = parseOptions(args);
        for (String name : options.keySet()) {
            if (!List.of(known).contains(name)) {
                throw new UsageException("'" + args.get(0) + "' has no option --" + name);
            }
        }
        return options;
    }

    private static Map<String, String> parseOptions(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                options.put(arg.substring(2), args.get(++i));
            } else if (arg.startsWith("--")) {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }

    static LocalDate cycleDate(Map<String, String> options) {
        String text = options.get("cycle-date");
        if (text == null) {
            throw new UsageException("--cycle-date YYYY-MM-DD is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--cycle-date must be a date like 2026-11-01, not '" + text + "'");
        }
    }

    private static long number(Map<String, String> options, String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    private int bill(Map<String, String> options) throws IOException {
        List<CycleLauncher.Option> chosen = new ArrayList<>();
        if (options.containsKey("recover")) {
            chosen.add(CycleLauncher.Option.RECOVER);
        }
        if (options.containsKey("force")) {
            chosen.add(CycleLauncher.Option.FORCE);
        }
        if (options.containsKey("dry-run")) {
            return dryRun(cycleDate(options), options.containsKey("keep"), chosen.toArray(CycleLauncher.Option[]::new));
        }
        if (options.containsKey("keep")) {
            throw new UsageException("--keep goes with --dry-run (it keeps the dry run's copy)");
        }
        int exit = exitCode(launcher.bill(cycleDate(options), chosen.toArray(CycleLauncher.Option[]::new)));
        waitingForReview();
        return exit;
    }

    /** Held invoices never block a run; each run says they wait, so cron's mail shows it every day. */
    private void waitingForReview() {
        try {
            reviewDesk.waiting().forEach((cycle, count) -> System.out.printf(
                    "note: cycle %s has %d invoice%s held for review: ./run.sh review --cycle-date %s%n", cycle, count,
                    count == 1 ? "" : "s", cycle));
        } catch (RuntimeException e) {
            // the database is what failed the run: the outcome printed above says so
        }
    }

    /** bill --dry-run: the cycle rehearsed on a copy; prints what it would issue, stores and sends nothing. */
    private int dryRun(LocalDate cycleDate, boolean keep, CycleLauncher.Option... options) throws IOException {
        DryRun.Rehearsal rehearsal = dryRun.rehearse(cycleDate, keep, options);
        CycleOutcome outcome = rehearsal.outcome();
        if (outcome.result() != CycleOutcome.Result.COMPLETED) {
            return exitCode(outcome);
        }
        Path summary = rehearsal.folder().resolve("run-summary.txt");
        if (Files.isRegularFile(summary)) {
            System.out.println(Files.readString(summary, StandardCharsets.UTF_8));
        }
        System.out.printf("Dry run of cycle %s: %d invoices, %d of them would be held (untaxed or for review);"
                + " nothing was stored or sent.%n", cycleDate, rehearsal.invoices(), rehearsal.held());
        rehearsal.totalsByCurrency().forEach((currency, t) -> System.out.printf(
                "  %s: subtotal %s, tax %s, total %s, amount due %s%n", currency, t.subtotal().toPlainString(),
                t.tax().toPlainString(), t.total().toPlainString(), t.amountDue().toPlainString()));
        System.out.println("Would-be invoices and lines: " + rehearsal.folder().resolve("invoices.csv") + ", "
                + rehearsal.folder().resolve("invoice-lines.csv"));
        if (rehearsal.keptCopy() != null) {
            System.out.println("The copy, with its PDFs and hand-off files, is kept in " + rehearsal.keptCopy()
                    + (rehearsal.keptSchema() == null ? "" : " and the database schema " + rehearsal.keptSchema())
                    + " (delete it when done; a dry run removes copies older than a day)");
        }
        return OK;
    }

    private int rerun(Map<String, String> options) {
        LocalDate cycleDate = cycleDate(options);
        int exit = exitCode(options.containsKey("force") ? launcher.rerun(cycleDate, CycleLauncher.Option.FORCE)
                : launcher.rerun(cycleDate));
        waitingForReview();
        return exit;
    }

    /**
     * Draws issued invoices' PDFs again from the database (after a template fix, or a working copy
     * lost or damaged): numbers and amounts unchanged, a delivered copy archived beside the new
     * file; a letter whose delivered copy is lost or changed only with --force.
     */
    private int rerender(Map<String, String> options) {
        String number = options.get("invoice");
        if (number == null && !options.containsKey("cycle-date")) {
            throw new UsageException("rerender needs --invoice NUMBER or --cycle-date YYYY-MM-DD");
        }
        List<String> accounts = options.get("accounts") == null ? List.of()
                : java.util.Arrays.stream(options.get("accounts").split(",")).map(String::strip)
                        .filter(a -> !a.isEmpty()).toList();
        if (!accounts.isEmpty() && number != null) {
            throw new UsageException("rerender takes --accounts with --cycle-date, not with --invoice");
        }
        InvoiceRerender.Outcome outcome;
        try {
            outcome = invoiceRerender.rerender(number, number == null ? cycleDate(options) : null, accounts,
                    options.containsKey("force"));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        outcome.rerendered().forEach(line -> System.out.println("re-rendered " + line));
        outcome.refused().forEach(line -> System.err.println("not re-rendered " + line));
        return outcome.refused().isEmpty() ? 0 : usage(outcome.refused().size() + " invoice(s) not re-rendered");
    }

    /**
     * Gives up on a cycle's unfinished run. On a terminal the operator confirms by typing the
     * cycle date; without one (cron, a script) --yes is required, so nothing is abandoned by a
     * command that nobody read.
     */
    private int abandon(Map<String, String> options) {
        LocalDate cycleDate = cycleDate(options);
        Optional<JobExecution> unfinished = launcher.unfinishedRun(cycleDate);
        if (unfinished.isEmpty()) {
            return usage("billing cycle " + cycleDate + " has no unfinished run to abandon (./run.sh status --cycle-date "
                    + cycleDate + ")");
        }
        JobExecution run = unfinished.get();
        String what = BillingCycleJob.describe(run) + ", run " + run.getId() + " (" + run.getStatus() + ")";
        if (!options.containsKey("yes")) {
            Console console = System.console();
            if (!onATerminal(console)) {
                return usage("abandon needs a confirmation: run it on a terminal, or add --yes in a script");
            }
            console.printf("Abandon %s?%nIt will never be resumed; what it committed stays (issued invoices, charges"
                    + " made).%nType the cycle date (%s) to confirm: ", what, cycleDate);
            String answer = console.readLine();
            if (answer == null || !answer.trim().equals(cycleDate.toString())) {
                System.out.println("Not abandoned.");
                return USAGE;
            }
        }
        CycleOutcome outcome = launcher.abandon(cycleDate);
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            System.out.println("next: ./run.sh status   (a new cycle may start: ./run.sh bill --cycle-date YYYY-MM-DD)");
            return OK;
        }
        return exitCode(outcome);
    }

    /** Java 17 gives no console unless both ends are a terminal; Java 22+ gives one always, and says. */
    private static boolean onATerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Prints what became of a cycle and gives its exit code. */
    private int exitCode(CycleOutcome outcome) {
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
                yield OK;
            }
            case ALREADY_COMPLETED -> {
                System.out.println(outcome.message());
                yield OK;
            }
            case REFUSED -> usage(outcome.message());
            case IN_THE_WAY -> {
                System.err.println("error: " + outcome.message());
                yield IN_THE_WAY;
            }
            case STOPPED -> {
                System.err.println(outcome.message());
                yield FAILED;
            }
            case FAILED -> {
                System.err.println("error: " + outcome.message());
                yield FAILED;
            }
        };
    }

    /** The ingest and rate steps alone (hourly cron); the outcome's exit code as for a cycle. */
    private int ingest(Map<String, String> options) {
        CycleOutcome outcome = ingestLauncher.ingest();
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return OK;
        }
        return exitCode(outcome);
    }

    /** run.sh collections --date D: the daily collections job; its counts when it completes. */
    private int collections(Map<String, String> options) {
        String text = options.get("date");
        if (text == null) {
            throw new UsageException("--date YYYY-MM-DD is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be a date like 2026-11-01, not '" + text + "'");
        }
        CycleOutcome outcome = collectionsLauncher.collect(date);
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return OK;
        }
        return exitCode(outcome);
    }

    /** run.sh invoice-now --account A [--quote Q]: the account's accepted quotes invoiced on their own, today. */
    private int invoiceNow(Map<String, String> options) {
        String account = options.get("account");
        if (account == null || account.isBlank()) {
            throw new UsageException("--account ACCOUNT_NUMBER is required");
        }
        CycleOutcome outcome = invoiceNowLauncher.invoiceNow(account, options.get("quote"));
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return OK;
        }
        if (outcome.result() == CycleOutcome.Result.REFUSED) {
            System.err.println("error: " + outcome.message());
            return BAD_INPUT;
        }
        return exitCode(outcome);
    }

    /**
     * run.sh close-account --account A --date D --refund|--carry [--by NAME]: the account's final
     * bill (service to D, its last day), its credits refunded or carried, the account CLOSED.
     */
    private int closeAccount(Map<String, String> options) {
        String account = options.get("account");
        if (account == null || account.isBlank()) {
            throw new UsageException("--account ACCOUNT_NUMBER is required");
        }
        String text = options.get("date");
        if (text == null) {
            throw new UsageException("--date YYYY-MM-DD (the last day of service) is required");
        }
        LocalDate lastDay;
        try {
            lastDay = LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--date must be YYYY-MM-DD, not '" + text + "'");
        }
        if (options.containsKey("refund") == options.containsKey("carry")) {
            throw new UsageException("say what becomes of the account's credit: --refund (paid back) or --carry (kept)");
        }
        String by = options.getOrDefault("by", System.getProperty("user.name", "unknown"));
        if (by.isBlank() || by.length() > 100 || !by.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new UsageException("--by must be a name of 1 to 100 printable characters");
        }
        CycleOutcome outcome = closeAccountLauncher.close(account, lastDay, options.containsKey("refund")
                ? ca.isp.billing.domain.FinalSettlement.Choice.REFUND : ca.isp.billing.domain.FinalSettlement.Choice.CARRY, by);
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return OK;
        }
        if (outcome.result() == CycleOutcome.Result.REFUSED) {
            System.err.println("error: " + outcome.message());
            return BAD_INPUT;
        }
        return exitCode(outcome);
    }

    /** run.sh account reinstate ACCOUNT [--by NAME]: a written-off account back to ACTIVE, recorded with who and when. */
    private int account(List<String> args) {
        if (args.size() < 3 || !"reinstate".equals(args.get(1)) || args.get(2).startsWith("--")) {
            throw new UsageException("usage: account reinstate ACCOUNT [--by NAME]");
        }
        Map<String, String> options = options(args.subList(2, args.size()), "by");
        String by = options.getOrDefault("by", System.getProperty("user.name", "unknown"));
        if (by.isBlank() || by.length() > 100 || !by.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new UsageException("--by must be a name of 1 to 100 printable characters");
        }
        try {
            ca.isp.billing.jobs.collections.AccountReinstatement.Reinstated r = reinstatement.reinstate(args.get(2), by);
            System.out.println(r.already() ? "account " + r.accountNumber() + " was reinstated by " + r.by() + " at "
                    + r.at() + ": nothing changed" : "account " + r.accountNumber() + " reinstated (ACTIVE) by " + r.by());
            return OK;
        } catch (ca.isp.billing.jobs.collections.AccountReinstatement.Refused e) {
            System.err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** run.sh bench ingest: ingest + rate against raw batched inserts; the last line is the issue's. */
    private int benchIngest(Map<String, String> options) throws IOException {
        long records = number(options, "records", 1_000_000);
        if (records < 10 || records > 100_000_000) {
            throw new UsageException("--records must be from 10 to 100,000,000");
        }
        try {
            IngestBench.Result result = ingestBench.run(records);
            System.out.printf("ingest and rate: %d records in %.1f s; raw insert: %d rows in %.1f s%n", result.records(),
                    result.ingestSeconds(), result.rows(), result.rawSeconds());
            System.out.println(result.lastLine());
            return OK;
        } catch (java.sql.SQLException | IllegalStateException e) {
            System.err.println("error: the bench failed: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * run.sh bench cycle: a demo ISP of --accounts with about --usage records billed whole; each
     * step's time and items a second, then the last line. With --partitions (run.sh bench
     * partitions) only the line of charge + tax + render at this run's grid size.
     */
    private int benchCycle(Map<String, String> options) throws IOException {
        long accounts = number(options, "accounts", 10_000);
        if (accounts < 10 || accounts > 1_000_000) {
            throw new UsageException("--accounts must be from 10 to 1,000,000");
        }
        long usage = number(options, "usage", Math.round(accounts * ca.isp.billing.demo.DemoIspGenerator.USAGE_PER_ACCOUNT));
        if (usage < accounts || usage > 100L * accounts) {
            throw new UsageException("--usage must be from 1 to 100 records an account (" + accounts + " to "
                    + 100L * accounts + ")");
        }
        ca.isp.billing.jobs.demo.CycleBench.Result result = cycleBench.run((int) accounts, usage,
                number(options, "seed", DemoCommand.DEFAULT_SEED));
        if (result.outcome() != CycleOutcome.Result.COMPLETED) {
            System.err.println("error: the cycle ended " + result.outcome() + " (see the log)");
            return FAILED;
        }
        if (options.containsKey("partitions")) {
            List<String> names = List.of("charge", "tax", "render");
            double seconds = result.seconds(names);
            long invoices = result.step("render").written();
            // run.sh starts the worker processes of --workers remote, one partition each
            String where = "remote".equals(options.get("workers"))
                    ? properties.effectiveGridSize() + " worker processes" : properties.effectiveGridSize() + " local";
            System.out.printf("partitions: %s: charge+tax+render %.1f s (charge %.1f, tax %.1f, render %.1f),"
                            + " %.0f invoices/s%n", where, seconds,
                    result.step("charge").seconds(), result.step("tax").seconds(), result.step("render").seconds(),
                    seconds > 0 ? invoices / seconds : 0);
            return OK;
        }
        System.out.printf("%-20s %10s %12s %12s %12s%n", "step", "seconds", "read", "written", "items/s");
        for (ca.isp.billing.jobs.demo.CycleBench.StepTime step : result.steps()) {
            System.out.printf("%-20s %10.1f %,12d %,12d %,12.0f%n", step.name(), step.seconds(), step.read(),
                    step.written(), step.itemsPerSecond());
        }
        System.out.printf("(%,d usage lines generated, grid size %d)%n", result.usageRecords(),
                properties.effectiveGridSize());
        System.out.println(result.lastLine());
        return OK;
    }

    /** run.sh bench render: one thread rendering against the PDFBox floor; the last line is issue 12's. */
    private int benchRender(Map<String, String> options) throws IOException {
        long invoices = number(options, "invoices", 2000);
        if (invoices < 10 || invoices > 1_000_000) {
            throw new UsageException("--invoices must be from 10 to 1,000,000");
        }
        long accounts = number(options, "accounts", 300);
        if (accounts < 1 || accounts > 100_000) {
            throw new UsageException("--accounts must be from 1 to 100,000");
        }
        String engine = options.getOrDefault("engine", renderEngine);
        try {
            RenderBench.Result result = renderBench.run(engine, (int) invoices, (int) accounts);
            System.out.printf("engine %s: %d invoices (%d distinct, attachment appended) in %.1f s of CPU, %.2f ms each,"
                            + " %d KB each; floor: %.1f s, %.2f ms each%n", result.engine(), result.invoices(),
                    result.distinct(), result.renderSeconds(), result.renderSeconds() * 1000 / result.invoices(),
                    result.renderBytes() / result.invoices() / 1024, result.floorSeconds(),
                    result.floorSeconds() * 1000 / result.invoices());
            System.out.println(result.lastLine());
            return OK;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("error: the bench failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** Rates again the records of [from, to) not invoiced yet. */
    private int rerate(Map<String, String> options) {
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (!to.isAfter(from)) {
            throw new UsageException("--to must be after --from (usage that started from --from to --to, excluded)");
        }
        CycleOutcome outcome = ingestLauncher.rerate(from, to);
        if (outcome.result() == CycleOutcome.Result.COMPLETED) {
            System.out.println(outcome.message());
            return OK;
        }
        return exitCode(outcome);
    }

    /** Usage per service identifier over [from, to): a table, or CSV with --format csv. */
    private int usage(Map<String, String> options) {
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (!to.isAfter(from)) {
            throw new UsageException("--to must be after --from (usage that started from --from to --to, excluded)");
        }
        String format = options.getOrDefault("format", "table");
        if (!format.equals("csv") && !format.equals("table")) {
            throw new UsageException("--format must be csv or table, not '" + format + "'");
        }
        System.out.print(format.equals("csv") ? usageReport.csv(from, to) : usageReport.table(from, to));
        return OK;
    }

    private int status(Map<String, String> options) {
        System.out.print(options.containsKey("cycle-date") ? status.ofCycle(cycleDate(options)) : status.overview());
        return OK;
    }

    private static String importKinds(String separator) {
        return java.util.Arrays.stream(ReferenceDataImporter.Kind.values()).map(ReferenceDataImporter.Kind::label)
                .collect(java.util.stream.Collectors.joining(separator));
    }

    private int importFile(List<String> args) throws IOException {
        if (args.size() != 3) {
            throw new UsageException("usage: import <" + importKinds("|") + "> FILE");
        }
        ReferenceDataImporter.Kind kind;
        try {
            kind = ReferenceDataImporter.Kind.of(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown import kind '" + args.get(1) + "': " + importKinds(", "));
        }
        Path file = Path.of(args.get(2));
        if (!Files.isReadable(file)) {
            System.err.println("error: cannot read " + file);
            return BAD_INPUT;
        }
        importer.importFile(kind, file); // logs "Imported <kind> <file>: N lines, ... rejected (see ...)"
        return OK;
    }

    /** The demo's files, imported, then the cycle billed as by bill (its dates are the demo's own: forced). */
    private int demo(Map<String, String> options) throws IOException {
        long accounts = number(options, "accounts", DemoCommand.DEFAULT_ACCOUNTS);
        if (accounts < 1 || accounts > 10_000_000) {
            throw new UsageException("--accounts must be between 1 and 10,000,000, not " + accounts);
        }
        long seed = number(options, "seed", DemoCommand.DEFAULT_SEED);
        LocalDate cycleDate = options.containsKey("cycle-date") ? cycleDate(options) : demo.defaultCycleDate();
        demo.prepare((int) accounts, seed, cycleDate);
        int exit = exitCode(launcher.bill(cycleDate, CycleLauncher.Option.FORCE));
        demo.printWhereThingsAre(cycleDate);
        return exit;
    }

    /** The taxes the billing run would charge on an amount of a class at a postal code on a date. */
    private int taxQuote(Map<String, String> options) {
        String postalCode = required(options, "postal-code");
        String country = required(options, "country").toUpperCase(Locale.ROOT);
        String region = options.containsKey("region") ? options.get("region").toUpperCase(Locale.ROOT) : null;
        String className = required(options, "class");
        TaxClass taxClass = Arrays.stream(TaxClass.values())
                .filter(c -> c.name().equalsIgnoreCase(className.replace('-', '_'))).findFirst()
                .orElseThrow(() -> new UsageException("--class must be one of " + Arrays.toString(TaxClass.values())
                        + ", not '" + className + "'"));
        BigDecimal amount;
        try {
            amount = Money.parse(required(options, "amount"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--amount must be an amount like 100.00, not '" + options.get("amount") + "'");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_QUOTE) > 0) {
            throw new UsageException("--amount must be from 0.00 to " + MAX_QUOTE + ", not " + amount);
        }
        LocalDate date = date(options, "date");
        try {
            taxQuote.quote(country, region, postalCode, taxClass, amount, date).describe().forEach(System.out::println);
            return OK;
        } catch (UnknownJurisdictionException e) {
            System.err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** The tax liability of a period, as a CSV under out/reports/tax-liability/. */
    private int taxReport(Map<String, String> options) {
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        TaxLiabilityReport.Liability liability = taxReport.write(from, to);
        System.out.printf("Tax liability %s to %s: %d rows%n", from, to, liability.rows().size());
        liability.taxByCurrency().forEach((currency, tax) -> System.out.printf("  %s tax collected %s on %d invoices%n",
                currency, tax.toPlainString(), liability.invoicesByCurrency().get(currency)));
        System.out.println("  " + liability.file().toAbsolutePath().normalize());
        return OK;
    }

    /**
     * {@code review --cycle-date D} lists the invoices the review gate held; {@code --release ALL|INVOICE...}
     * or {@code --void INVOICE... --reason TEXT} decides, as {@code --by NAME} or the OS user.
     */
    private int review(List<String> args) {
        Map<String, String> options = new HashMap<>();
        List<String> release = null;
        List<String> voids = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--release") || arg.equals("--void")) {
                List<String> numbers = new ArrayList<>();
                while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    numbers.add(args.get(++i));
                }
                if (numbers.isEmpty()) {
                    throw new UsageException(arg + " needs ALL or invoice numbers");
                }
                if (arg.equals("--release")) {
                    release = numbers;
                } else {
                    voids = numbers;
                }
            } else if (List.of("--cycle-date", "--reason", "--by").contains(arg) && i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                throw new UsageException("'review' has no option " + arg
                        + " (--cycle-date D [--release ALL|INVOICE... | --void INVOICE... --reason TEXT] [--by NAME])");
            }
        }
        LocalDate cycleDate = cycleDate(options);
        if (release != null && voids != null) {
            throw new UsageException("--release and --void are two decisions: one at a time");
        }
        if (options.containsKey("reason") && voids == null) {
            throw new UsageException("--reason goes with --void");
        }
        String by = options.getOrDefault("by", System.getProperty("user.name", "unknown"));
        if (by.isBlank() || by.length() > 100 || !by.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new UsageException("--by must be a name of 1 to 100 printable characters");
        }
        try {
            if (release != null) {
                List<String> numbers = release.size() == 1 && release.get(0).equals("ALL") ? List.of() : release;
                int released = reviewDesk.release(cycleDate, numbers, by);
                System.out.printf("%d invoice%s released by %s; ./run.sh rerun --cycle-date %s renders and sends %s%n",
                        released, released == 1 ? "" : "s", by, cycleDate, released == 1 ? "it" : "them");
                return OK;
            }
            if (voids != null) {
                List<String> notes = reviewDesk.voidInvoices(cycleDate, voids, options.get("reason"), by);
                for (int i = 0; i < voids.size(); i++) {
                    System.out.printf("%s voided by %s: credit note %s%n", voids.get(i), by, notes.get(i));
                }
                return OK;
            }
        } catch (ReviewDesk.Refused e) {
            return usage(e.getMessage());
        }
        List<ReviewDesk.Held> held = reviewDesk.held(cycleDate);
        long waiting = held.stream().filter(h -> "HELD".equals(h.reviewStatus())).count();
        System.out.printf("Cycle %s: %d invoice%s held for review%n", cycleDate, waiting, waiting == 1 ? "" : "s");
        for (ReviewDesk.Held h : held) {
            System.out.printf("  %s  account %s  %s %s  %s%n", h.invoiceNumber(), h.accountNumber(),
                    h.total().toPlainString(), h.currency(), h.reviewStatus());
            h.reasons().forEach(reason -> System.out.println("      " + reason));
        }
        if (waiting > 0) {
            System.out.printf("Decide: ./run.sh review --cycle-date %s --release ALL|INVOICE... "
                    + "or --void INVOICE... --reason TEXT%n", cycleDate);
        }
        return OK;
    }

    /**
     * {@code payments suspense} lists the money received for no known account or invoice;
     * {@code payments assign REF ACCOUNT [--by NAME]} applies one line to an account (recorded with
     * who and when; the same assignment again changes nothing).
     */
    private int payments(List<String> args) {
        String sub = args.size() > 1 ? args.get(1) : "";
        if (sub.equals("suspense") && args.size() == 2) {
            List<PaymentSuspense.Line> lines = suspense.lines();
            long open = lines.stream().filter(l -> PaymentSuspense.OPEN.equals(l.status())).count();
            System.out.printf("%d payment%s in suspense%n", open, open == 1 ? "" : "s");
            for (PaymentSuspense.Line l : lines) {
                System.out.printf("  %-20s %10s  received %s  %-8s  %s line %d: %s%s%n", l.paymentRef(),
                        l.amount().toPlainString(), l.receivedOn(), l.status(), l.file(), l.line(), l.reason(),
                        l.assignedTo() == null ? "" : " -> account " + l.assignedTo() + " by " + l.assignedBy() + " at "
                                + l.assignedAt());
            }
            if (open > 0) {
                System.out.println("Assign: ./run.sh payments assign REF ACCOUNT [--by NAME]");
            }
            return OK;
        }
        if (sub.equals("assign") && args.size() >= 4 && !args.get(2).startsWith("--") && !args.get(3).startsWith("--")) {
            Map<String, String> options = options(args.subList(3, args.size()), "by");
            String by = options.getOrDefault("by", System.getProperty("user.name", "unknown"));
            if (by.isBlank() || by.length() > 100 || !by.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                throw new UsageException("--by must be a name of 1 to 100 printable characters");
            }
            try {
                PaymentSuspense.Assignment a = suspense.assign(args.get(2), args.get(3), by);
                if (a.alreadyAssigned()) {
                    System.out.printf("%s was already assigned to account %s by %s at %s: nothing changed%n",
                            a.paymentRef(), a.accountNumber(), a.by(), a.at());
                } else {
                    System.out.printf("%s (%s) assigned to account %s by %s; credit left %s%n", a.paymentRef(),
                            a.amount().toPlainString(), a.accountNumber(), a.by(), a.credit().toPlainString());
                }
                return OK;
            } catch (PaymentSuspense.Refused e) {
                System.err.println("error: " + e.getMessage());
                return BAD_INPUT;
            }
        }
        throw new UsageException("usage: payments suspense | payments assign REF ACCOUNT [--by NAME]");
    }

    /**
     * {@code export journal --cycle-date D}: writes again the journal of every run of the cycle
     * from what those runs posted (the same files the runs wrote), checked to balance.
     */
    private int export(List<String> args) {
        if (args.size() < 2 || !"journal".equals(args.get(1))) {
            throw new UsageException("usage: export journal --cycle-date YYYY-MM-DD");
        }
        LocalDate cycleDate = cycleDate(options(args, "cycle-date"));
        List<JournalExport.Written> written;
        try {
            written = journalExport.writeAll(cycleDate);
        } catch (Journal.UnbalancedJournalException e) {
            System.err.println("error: cycle " + cycleDate + ": " + e.getMessage() + "; nothing written");
            return FAILED;
        }
        if (written.isEmpty()) {
            System.err.println("error: no run of cycle " + cycleDate + " posted a journal (the cycle has not run, or ran"
                    + " before the accounting export existed); `./run.sh rerun --cycle-date " + cycleDate
                    + "` posts every invoice and payment no journal has posted yet");
            return BAD_INPUT;
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
        return OK;
    }

    /**
     * {@code report revenue|tax|ageing|payments|payment_totals|invoices|write_offs[,...]|all --from D --to D
     * [--format csv|html|xlsx]}:
     * the reports of the period under out/reports/management/ (an XLSX sheet per report).
     */
    private int report(List<String> args) {
        if (args.size() < 2 || args.get(1).startsWith("--")) {
            throw new UsageException("usage: report revenue|tax|ageing|payments|payment_totals|invoices|write_offs|all"
                    + " --from YYYY-MM-DD"
                    + " --to YYYY-MM-DD [--format csv|html|xlsx]");
        }
        List<ManagementReports.Kind> kinds = new ArrayList<>();
        try {
            if (args.get(1).equals("all")) {
                kinds.addAll(List.of(ManagementReports.Kind.values()));
            } else {
                for (String name : args.get(1).split(",")) {
                    ManagementReports.Kind kind = ManagementReports.Kind.of(name);
                    if (!kinds.contains(kind)) {
                        kinds.add(kind);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> options = options(args, "from", "to", "format");
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        String format = options.getOrDefault("format", "csv");
        ManagementReports.Format chosen = Arrays.stream(ManagementReports.Format.values())
                .filter(f -> f.name().equalsIgnoreCase(format)).findFirst()
                .orElseThrow(() -> new UsageException("--format must be csv, html or xlsx, not '" + format + "'"));
        for (Path file : reports.write(kinds, from, to, chosen)) {
            System.out.println(file.toAbsolutePath().normalize());
        }
        return OK;
    }

    /**
     * {@code scheduler [--file schedules.yml]}: the built-in scheduler, until SIGTERM or Ctrl-C
     * (the running job stops at its chunk boundary and is resumed by the next start).
     */
    private int scheduler(Map<String, String> options) throws IOException {
        Path file = Path.of(options.getOrDefault("file", schedulesFile));
        try {
            jobScheduler.run(file);
            return OK;
        } catch (java.sql.SQLException | IllegalStateException e) {
            System.err.println("error: the scheduler could not start: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /**
     * {@code alerts}: emails the operators what waits for them (failed or stopped runs, invoices
     * held for review; each alert once) and exits 4 when something does, so cron mails it too.
     */
    private int alerts(Map<String, String> options) {
        List<String> waiting = attentionCheck.check();
        if (waiting.isEmpty()) {
            System.out.println("Nothing waits for an operator.");
            return OK;
        }
        waiting.forEach(line -> System.out.println("attention: " + line));
        return ATTENTION;
    }

    private static LocalDate date(Map<String, String> options, String name) {
        try {
            return LocalDate.parse(required(options, name));
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2026-11-01, not '" + options.get(name) + "'");
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank() || "true".equals(value)) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }
}
