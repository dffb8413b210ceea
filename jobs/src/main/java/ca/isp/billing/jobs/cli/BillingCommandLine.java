package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.demo.DemoCommand;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.report.CycleStatus;
import ca.isp.billing.readers.BadFileException;

/**
 * The operator's commands (run.sh passes its arguments here): {@code bill}, {@code rerun},
 * {@code status}, {@code import}, {@code demo}. It only parses arguments, calls the launcher,
 * the importer or the status report, prints plain lines and sets the process exit code.
 */
@Component
public class BillingCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int IN_THE_WAY = 3;
    public static final int FAILED = 5;

    private final CycleLauncher launcher;
    private final CycleStatus status;
    private final ReferenceDataImporter importer;
    private final DemoCommand demo;
    private final BillingProperties properties;
    private int exitCode = OK;
    private final CountDownLatch done = new CountDownLatch(1);

    public BillingCommandLine(CycleLauncher launcher, CycleStatus status, ReferenceDataImporter importer,
                              DemoCommand demo, BillingProperties properties) {
        this.launcher = launcher;
        this.status = status;
        this.importer = importer;
        this.demo = demo;
        this.properties = properties;
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
            if (!arg.startsWith("--spring.") && !arg.startsWith("--billing.")) {
                args.add(arg);
            }
        }
        if (args.isEmpty()) {
            return; // started by a test or as a library: nothing to do
        }
        try {
            exitCode = switch (args.get(0)) {
                case "bill" -> bill(options(args, "cycle-date", "recover", "force"));
                case "rerun" -> rerun(options(args, "cycle-date", "force"));
                case "status" -> status(options(args, "cycle-date"));
                case "import" -> importFile(args);
                case "demo" -> demo(options(args, "accounts", "seed", "cycle-date"));
                default -> usage("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            exitCode = usage(e.getMessage());
        } catch (BadFileException | IOException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = BAD_INPUT;
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

    private int bill(Map<String, String> options) {
        List<CycleLauncher.Option> chosen = new ArrayList<>();
        if (options.containsKey("recover")) {
            chosen.add(CycleLauncher.Option.RECOVER);
        }
        if (options.containsKey("force")) {
            chosen.add(CycleLauncher.Option.FORCE);
        }
        return exitCode(launcher.bill(cycleDate(options), chosen.toArray(CycleLauncher.Option[]::new)));
    }

    private int rerun(Map<String, String> options) {
        LocalDate cycleDate = cycleDate(options);
        return exitCode(options.containsKey("force") ? launcher.rerun(cycleDate, CycleLauncher.Option.FORCE)
                : launcher.rerun(cycleDate));
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

    private int status(Map<String, String> options) {
        System.out.print(options.containsKey("cycle-date") ? status.ofCycle(cycleDate(options)) : status.overview());
        return OK;
    }

    private int importFile(List<String> args) throws IOException {
        if (args.size() != 3) {
            throw new UsageException("usage: import <accounts|plans|subscriptions|tax-rates|opening-balances|charges> FILE");
        }
        ReferenceDataImporter.Kind kind;
        try {
            kind = ReferenceDataImporter.Kind.of(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown import kind '" + args.get(1)
                    + "': accounts, plans, subscriptions, tax-rates, opening-balances or charges");
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
}
