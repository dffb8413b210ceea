package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.BillingCycleJobConfiguration;
import ca.isp.billing.jobs.demo.DemoCommand;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.report.CycleReport;
import ca.isp.billing.readers.BadFileException;

/**
 * The operator's commands (run.sh passes its arguments here): {@code bill}, {@code rerun},
 * {@code status}, {@code import}, {@code demo}. Prints plain lines and sets the process exit code: 0 done,
 * 1 wrong usage, 2 bad input, 3 a run is in the way, 5 the cycle failed.
 */
@Component
public class BillingCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int IN_THE_WAY = 3;
    public static final int FAILED = 5;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job billingCycle;
    private final ReferenceDataImporter importer;
    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final DemoCommand demo;
    private int exitCode = OK;
    private final CountDownLatch done = new CountDownLatch(1);

    public BillingCommandLine(JobOperator jobOperator, JobRepository jobRepository, Job billingCycle,
                              ReferenceDataImporter importer, JdbcTemplate jdbc, BillingProperties properties,
                              DemoCommand demo) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.billingCycle = billingCycle;
        this.importer = importer;
        this.jdbc = jdbc;
        this.properties = properties;
        this.demo = demo;
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
                case "rerun" -> rerun(cycleDate(options(args, "cycle-date")));
                case "status" -> status(options(args, "cycle-date"));
                case "import" -> importFile(args);
                case "demo" -> demo.run(options(args, "accounts", "seed", "cycle-date"), this);
                default -> usage("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            exitCode = usage(e.getMessage());
        } catch (BadFileException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = BAD_INPUT;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = BAD_INPUT;
        }
    }

    /** A command line mistake: said in one line, exit code 1. */
    public static class UsageException extends RuntimeException {
        public UsageException(String message) {
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

    // ------------------------------------------------------------------ bill

    /**
     * The operator's bill command: a date more than a month ahead or before the last completed
     * cycle is most likely a typo (2072 for 2027) and is refused unless --force.
     */
    private int bill(Map<String, String> options) {
        LocalDate cycleDate = cycleDate(options);
        if (!options.containsKey("force")) {
            if (cycleDate.isAfter(LocalDate.now().plusDays(31))) {
                throw new UsageException("cycle date " + cycleDate + " is more than a month ahead; add --force if it is right");
            }
            LocalDate latest = latestCompletedCycle();
            if (latest != null && cycleDate.isBefore(latest)) {
                throw new UsageException("cycle date " + cycleDate + " is before the last completed cycle " + latest
                        + "; add --force if it is right");
            }
        }
        return bill(cycleDate, options.containsKey("recover"));
    }

    private LocalDate latestCompletedCycle() {
        LocalDate latest = null;
        for (JobInstance instance : jobRepository.getJobInstances(BillingCycleJobConfiguration.JOB_NAME, 0, 1000)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                LocalDate date = last.getJobParameters().getLocalDate(BillingCycleJobConfiguration.CYCLE_DATE);
                if (date != null && (latest == null || date.isAfter(latest))) {
                    latest = date;
                }
            }
        }
        return latest;
    }

    /**
     * Before a new cycle (or rerun) starts: another one that is running, failed or stopped.
     * Billing a new cycle meanwhile would, for one, charge late fees on invoices not yet sent.
     * (Instances are told apart by id: Batch 6's JobParameter.equals compares names only.)
     */
    private JobExecution unfinishedCycle() {
        for (JobInstance instance : jobRepository.getJobInstances(BillingCycleJobConfiguration.JOB_NAME, 0, 1000)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                return last;
            }
        }
        return null;
    }

    private static String describe(JobExecution execution) {
        LocalDate date = execution.getJobParameters().getLocalDate(BillingCycleJobConfiguration.CYCLE_DATE);
        Long rerun = execution.getJobParameters().getLong(BillingCycleJobConfiguration.RERUN);
        return "billing cycle " + date + (rerun == null ? "" : " (rerun " + rerun + ")") + " is "
                + execution.getStatus() + " (run " + execution.getId() + "); finish it first: ./run.sh "
                + (rerun == null ? "bill" : "rerun") + " --cycle-date " + date;
    }

    /**
     * Runs the cycle for a date: starts it, resumes it after a failure, or says it is done.
     * A run left STARTED by a killed process is resumed only with --recover, because from
     * here a killed run and a running one look the same.
     */
    public int bill(LocalDate cycleDate, boolean recover) {
        JobParameters parameters = parameters(cycleDate, null);
        JobExecution last = jobRepository.getLastJobExecution(BillingCycleJobConfiguration.JOB_NAME, parameters);
        JobExecution execution;
        try {
            JobExecution unfinished = last == null ? unfinishedCycle() : null;
            if (unfinished != null) {
                System.err.println("error: " + describe(unfinished));
                return IN_THE_WAY;
            }
            if (last == null) {
                System.out.println("Billing cycle " + cycleDate + ": starting.");
                execution = jobOperator.start(billingCycle, parameters);
            } else if (last.getStatus() == BatchStatus.COMPLETED) {
                System.out.println("Billing cycle " + cycleDate + " was completed at " + last.getEndTime()
                        + " (run " + last.getId() + "): nothing to do.");
                return OK;
            } else if (last.getStatus().isRunning()) {
                if (!recover) {
                    System.err.println("error: billing cycle " + cycleDate + " is marked as running since "
                            + last.getStartTime() + " (run " + last.getId() + "). If no billing process is running "
                            + "(it was killed), resume it with: ./run.sh bill --cycle-date " + cycleDate + " --recover");
                    return IN_THE_WAY;
                }
                System.out.println("Billing cycle " + cycleDate + ": recovering run " + last.getId()
                        + " left running by a stopped process, then resuming it.");
                execution = jobOperator.restart(jobOperator.recover(last));
            } else if (last.getStatus() == BatchStatus.ABANDONED) {
                System.err.println("error: billing cycle " + cycleDate + " was abandoned (run " + last.getId()
                        + ") and cannot be resumed.");
                return IN_THE_WAY;
            } else {
                System.out.println("Billing cycle " + cycleDate + ": resuming run " + last.getId() + " ("
                        + last.getStatus() + ") where it stopped.");
                execution = jobOperator.restart(last);
            }
        } catch (Exception e) {
            System.err.println("error: billing cycle " + cycleDate + " could not start: " + e.getMessage());
            return FAILED;
        }
        return report(cycleDate, execution);
    }

    private int report(LocalDate cycleDate, JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Path summary = properties.out().resolve("reports").resolve(cycleDate.toString()).resolve("run-summary.txt");
            try {
                System.out.println(Files.readString(summary, StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.out.println("(run summary not readable: " + summary + ")");
            }
            System.out.println("Billing cycle " + cycleDate + " completed. Summary: " + summary);
            return OK;
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            System.err.println("Billing cycle " + cycleDate + " stopped on request (run " + execution.getId()
                    + "): every finished chunk is kept; run the same command again to resume.");
            return FAILED;
        }
        String failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful() && !s.getStepName().contains(":"))
                .map(StepExecution::getStepName).findFirst().orElse("?");
        // A partition's own exception says more than its manager's "Partition handler returned..."
        String cause = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")))
                .flatMap(s -> s.getFailureExceptions().stream()).findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(t -> rootCause(t).getMessage()).orElse(execution.getExitStatus().getExitDescription());
        System.err.println("error: billing cycle " + cycleDate + " " + execution.getStatus() + " in step " + failedStep
                + ": " + firstLine(cause) + ". Fix the cause and run the same command again to resume (details: "
                + properties.home().resolve("logs").resolve("billing.log") + ").");
        return FAILED;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * Runs a completed cycle's steps again as a new job instance ({@code rerun=n}): every step
     * does only what is left (held invoices once tax rates are imported, failed deliveries, files
     * that arrived late), so nothing already billed or sent is done twice. A failed rerun is
     * resumed by the next rerun command.
     */
    public int rerun(LocalDate cycleDate) {
        JobExecution original = jobRepository.getLastJobExecution(BillingCycleJobConfiguration.JOB_NAME,
                parameters(cycleDate, null));
        if (original == null || original.getStatus() != BatchStatus.COMPLETED) {
            System.err.println("error: billing cycle " + cycleDate + " has not completed; use ./run.sh bill --cycle-date "
                    + cycleDate + " to run or resume it");
            return IN_THE_WAY;
        }
        for (long n = 1; ; n++) {
            JobParameters parameters = parameters(cycleDate, n);
            JobExecution last = jobRepository.getLastJobExecution(BillingCycleJobConfiguration.JOB_NAME, parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            try {
                JobExecution unfinished = last == null ? unfinishedCycle() : null;
                if (unfinished != null) {
                    System.err.println("error: " + describe(unfinished));
                    return IN_THE_WAY;
                }
                if (last == null) {
                    System.out.println("Billing cycle " + cycleDate + ": rerun " + n + " (only what is left is done).");
                    return report(cycleDate, jobOperator.start(billingCycle, parameters));
                }
                if (last.getStatus().isRunning()) {
                    System.err.println("error: rerun " + n + " of cycle " + cycleDate + " is marked as running since "
                            + last.getStartTime() + " (run " + last.getId() + ")");
                    return IN_THE_WAY;
                }
                System.out.println("Billing cycle " + cycleDate + ": resuming rerun " + n + " (run " + last.getId() + ").");
                return report(cycleDate, jobOperator.restart(last));
            } catch (Exception e) {
                System.err.println("error: rerun of billing cycle " + cycleDate + " could not start: " + e.getMessage());
                return FAILED;
            }
        }
    }

    private static JobParameters parameters(LocalDate cycleDate, Long rerun) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(BillingCycleJobConfiguration.CYCLE_DATE, cycleDate);
        if (rerun != null) {
            builder.addLong(BillingCycleJobConfiguration.RERUN, rerun);
        }
        return builder.toJobParameters();
    }

    // ------------------------------------------------------------------ status

    private int status(Map<String, String> options) {
        if (options.containsKey("cycle-date")) {
            LocalDate cycleDate = cycleDate(options);
            List<JobExecution> executions = CycleReport.executionsOfCycle(jobRepository, cycleDate);
            if (executions.isEmpty()) {
                System.out.println("Billing cycle " + cycleDate + " has never run.");
                return OK;
            }
            for (JobExecution e : executions) {
                Long rerun = e.getJobParameters().getLong(BillingCycleJobConfiguration.RERUN);
                System.out.println("run " + e.getId() + (rerun == null ? "" : " (rerun " + rerun + ")") + ": "
                        + e.getStatus() + ", started " + seconds(e.getStartTime()) + ", ended " + seconds(e.getEndTime()));
            }
            System.out.println(new CycleReport(jdbc).summary(cycleDate, executions));
            return OK;
        }
        List<JobInstance> instances = jobRepository.getJobInstances(BillingCycleJobConfiguration.JOB_NAME, 0, 24);
        System.out.println(String.format("%-12s %-6s %-10s %-20s %-20s %s", "cycle", "rerun", "status", "started",
                "ended", "runs"));
        if (instances.isEmpty()) {
            System.out.println("(no billing cycle has run yet)");
        }
        for (JobInstance instance : instances) {
            List<JobExecution> executions = jobRepository.getJobExecutions(instance);
            JobExecution last = executions.stream().max(Comparator.comparing(JobExecution::getId)).orElseThrow();
            Long rerun = last.getJobParameters().getLong(BillingCycleJobConfiguration.RERUN);
            System.out.println(String.format("%-12s %-6s %-10s %-20s %-20s %d",
                    last.getJobParameters().getLocalDate(BillingCycleJobConfiguration.CYCLE_DATE),
                    rerun == null ? "" : rerun.toString(), last.getStatus(), seconds(last.getStartTime()),
                    seconds(last.getEndTime()), executions.size()));
        }
        Long accounts = jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class);
        Long delinquent = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE status = 'DELINQUENT'", Long.class);
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'", Long.class);
        Long held = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE status = 'HELD'", Long.class);
        System.out.println("accounts " + accounts + ", delinquent " + delinquent + ", invoices held " + held
                + " (rerun their cycle once fixed), deliveries not sent " + pending);
        return OK;
    }

    private static String seconds(LocalDateTime time) {
        return time == null ? "-" : time.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    // ------------------------------------------------------------------ import

    private int importFile(List<String> args) throws IOException {
        if (args.size() != 3) {
            throw new UsageException("usage: import <accounts|plans|subscriptions|tax-rates|opening-balances> FILE");
        }
        ReferenceDataImporter.Kind kind;
        try {
            kind = ReferenceDataImporter.Kind.of(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown import kind '" + args.get(1)
                    + "': accounts, plans, subscriptions, tax-rates or opening-balances");
        }
        Path file = Path.of(args.get(2));
        if (!Files.isReadable(file)) {
            System.err.println("error: cannot read " + file);
            return BAD_INPUT;
        }
        importer.importFile(kind, file); // logs "Imported <kind> <file>: N lines, ... rejected (see ...)"
        return OK;
    }
}
