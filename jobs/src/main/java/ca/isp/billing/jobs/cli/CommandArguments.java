package ca.isp.billing.jobs.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The checks every command shares, with the sentences operators and scripts know: options are
 * taken as text and checked here (not by picocli's converters) so that each mistake says what
 * it always said, and exits 1.
 */
final class CommandArguments {

    private CommandArguments() {
    }

    /** A command line mistake: said in one line, exit code 1 (see BillingCommandLine). */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Says the mistake on stderr the way every command does; the usage exit code. */
    static int usage(String problem) {
        System.err.println("error: " + problem + " (see ./run.sh --help)");
        return BillingCommandLine.USAGE;
    }

    static LocalDate cycleDate(String text) {
        if (text == null) {
            throw new UsageException("--cycle-date YYYY-MM-DD is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--cycle-date must be a date like 2026-11-01, not '" + text + "'");
        }
    }

    /** A required date option (--from, --to, --date of tax-quote). */
    static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(required(name, text));
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date like 2026-11-01, not '" + text + "'");
        }
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** A whole number, written 10000, 10,000 or 10_000; the fallback when the option is absent. */
    static long number(String name, String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** --by NAME, default the OS user: who decided, as recorded. */
    static String by(String given) {
        String by = given != null ? given : System.getProperty("user.name", "unknown");
        if (by.isBlank() || by.length() > 100 || !by.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new UsageException("--by must be a name of 1 to 100 printable characters");
        }
        return by;
    }
}
