package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.readers.BadFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The operator's commands (run.sh passes its arguments here): hands the arguments to picocli
 * ({@link BillingCommands}, a class per command in this package, created with their beans by
 * {@link SpringCommandFactory}) and keeps the command's exit code for the process. The
 * Spring-style settings ({@code --billing.x=y}, {@code --spring.*}, {@code --logging.*}) are
 * Spring's and never reach picocli.
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

    private final AutowireCapableBeanFactory beans;
    private int exitCode = OK;
    private final CountDownLatch done = new CountDownLatch(1);

    public BillingCommandLine(AutowireCapableBeanFactory beans) {
        this.beans = beans;
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
            List<String> args = commandArguments(arguments.getSourceArgs());
            if (!args.isEmpty()) { // none: started by a test or as a library, nothing to do
                exitCode = execute(new SpringCommandFactory(beans), args.toArray(String[]::new));
            }
        } finally {
            done.countDown();
        }
    }

    /** The arguments without Spring's settings, which Spring has read already. */
    static List<String> commandArguments(String... sourceArgs) {
        List<String> args = new ArrayList<>();
        for (String arg : sourceArgs) {
            if (!arg.startsWith("--spring.") && !arg.startsWith("--billing.") && !arg.startsWith("--logging.")) {
                args.add(arg);
            }
        }
        return args;
    }

    /** Runs the command the arguments name; its exit code. */
    static int execute(CommandLine.IFactory factory, String... args) {
        RuntimeException[] unexpected = new RuntimeException[1];
        CommandLine commandLine = commandLine(factory)
                .setExecutionExceptionHandler((e, command, parseResult) -> {
                    if (e instanceof UsageException u) {
                        return CommandArguments.usage(u.getMessage());
                    }
                    if (e instanceof BadFileException || e instanceof IOException) {
                        System.err.println("error: " + e.getMessage());
                        return BAD_INPUT;
                    }
                    // anything else fails the start as before (BillingMain: one line, the log the trace)
                    unexpected[0] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    return FAILED;
                });
        int code = commandLine.execute(args);
        if (unexpected[0] != null) {
            throw unexpected[0];
        }
        return code;
    }

    /**
     * The commands, parsed as the hand-written parser before them did: {@code --name value} and
     * {@code --name=value}, an option given twice keeps the last, {@code @file} is a file name
     * (no argument files), a stray word after a command is ignored, an unknown option is a
     * mistake (exit 1) that names the command.
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(BillingCommands.class, factory)
                .setUnmatchedArgumentsAllowed(true)
                .setOverwrittenOptionsAllowed(true)
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(BillingCommandLine::parameterError)
                .setExecutionStrategy(parseResult -> {
                    refuseUnknownOptions(parseResult);
                    return new CommandLine.RunLast().execute(parseResult);
                });
    }

    /**
     * Unmatched words are allowed (so picocli tells them apart from options); here an unknown
     * option or command is refused, and a stray word is one only where the command says so.
     */
    private static void refuseUnknownOptions(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            CommandLine command = result.commandSpec().commandLine();
            for (String arg : result.unmatched()) {
                if (arg.startsWith("--") || command.getParent() == null || command.getCommand() instanceof StrictWords) {
                    throw new CommandLine.UnmatchedArgumentException(command, List.of(arg));
                }
            }
            if (command.getParent() == null && result.subcommand() == null) {
                throw new CommandLine.UnmatchedArgumentException(command, List.of(""));
            }
        }
    }

    /** picocli's parse errors: one line, as every command's mistakes, exit code 1. */
    private static int parameterError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (command.getParent() == null) {
            String first = e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    ? u.getUnmatched().get(0) : args.length > 0 ? args[0] : "";
            return CommandArguments.usage("unknown command '" + first + "'");
        }
        CommandLine top = command;
        while (top.getParent().getParent() != null) {
            top = top.getParent();
        }
        CommandUsage usage = null;
        for (CommandLine c = command; c != null && usage == null; c = c.getParent()) {
            usage = c.getCommand() instanceof CommandUsage u ? u : null;
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("--") || usage == null || usage.usageLine() == null) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return CommandArguments.usage("'" + top.getCommandName() + "' has no option " + name
                        + (usage == null ? "" : usage.unknownOptionHint()));
            }
        }
        return CommandArguments.usage(usage != null && usage.usageLine() != null ? usage.usageLine() : e.getMessage());
    }

    /** A command whose every word has a meaning: a stray one is a mistake, said with the command's usage line. */
    interface StrictWords {
    }

    /** A command's own one-line usage, said for a missing or stray word. */
    interface CommandUsage {
        /** Null: a stray word is said as an unknown option. */
        String usageLine();

        /** Appended to "'command' has no option --x". */
        default String unknownOptionHint() {
            return "";
        }
    }
}
