package ca.isp.billing.reliability;

import java.util.List;

/**
 * How one run of {@code run.sh bill} is made to die. Three kinds:
 *
 * <ul>
 * <li>{@link #inChunk}: the application's restart-drill hook halts the process (Runtime.halt(137):
 * no shutdown hook, no rollback, exactly what kill -9 leaves) just before the step's Nth chunk is
 * written, counted across its partitions. N = 0 means "the middle chunk of the step in the
 * uninterrupted run", resolved by {@link KillDrill} from the reference run's counts.</li>
 * <li>{@link #at}: a named moment between a commit and what depends on it (after an inbox file's
 * records are committed, after it is archived, after PDFs, letters and emails are written and
 * before their rows are committed, after the manifest and the run summary are written).</li>
 * <li>{@link #killAfter}, {@link #randomKill}: a real kill -9 of the Java process some time after
 * the launcher began the cycle, wherever it is then.</li>
 * </ul>
 */
record Fault(String label, List<String> args, String step, int chunk, long killAfterMillis) {

    static Fault inChunk(String step, int chunk) {
        return new Fault(step + (chunk == 0 ? " (middle chunk)" : " chunk " + chunk), List.of(), step, chunk, 0);
    }

    static Fault at(String point) {
        return new Fault("halt at " + point, List.of("--billing.fault.halt-at=" + point), null, 0, 0);
    }

    /** A real kill -9, {@code millis} after the launcher began the cycle. */
    static Fault killAfter(long millis) {
        return new Fault(String.format("kill -9 %.1f s into the cycle", millis / 1000.0), List.of(), null, 0, millis);
    }

    /** A real kill -9 at a random moment of the cycle (drawn by {@link KillDrill} from the suite's seed). */
    static Fault randomKill() {
        return new Fault("kill -9 at a random moment", List.of(), null, 0, -1);
    }

    boolean isRealKill() {
        return killAfterMillis != 0;
    }

    /** The halt point's name, or null. */
    String point() {
        return args.isEmpty() ? null : args.get(0).substring(args.get(0).indexOf('=') + 1);
    }

    /** The arguments added to the bill command, the chunk resolved. */
    List<String> arguments(int resolvedChunk) {
        if (step == null) {
            return args;
        }
        return List.of("--billing.fault.step=" + step, "--billing.fault.chunk=" + resolvedChunk,
                "--billing.fault.action=halt");
    }
}
