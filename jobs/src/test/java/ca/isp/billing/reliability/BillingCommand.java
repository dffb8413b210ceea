package ca.isp.billing.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operator's command as a separate process: the repository's own {@code run.sh}, started
 * with a case's {@code BILLING_HOME} and database, its output kept in a file of the case. run.sh
 * ends with {@code exec java}, so the process started here becomes the Java process itself:
 * killing it with -9 kills the billing run, not a shell around it.
 */
final class BillingCommand {

    /** What a process ended with. */
    record Ended(int exitCode, String output, long millis, boolean killedByUs, boolean timedOut) {

        /** A run that a halt point or our kill -9 ended: exit 137 (128 + SIGKILL). */
        boolean killed() {
            return exitCode == 137;
        }

        String lastLines(int n) {
            String[] lines = output.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
        }
    }

    /** A started process. */
    static final class Running {
        private final Process process;
        private final Path outputFile;
        private final long started = System.nanoTime();
        private volatile long exited;
        private volatile boolean killedByUs;

        private Running(Process process, Path outputFile) {
            this.process = process;
            this.outputFile = outputFile;
            process.onExit().thenRun(() -> exited = System.nanoTime());
        }

        /** When the process ended (System.nanoTime), 0 while it runs. */
        long exitedAt() {
            return exited;
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGTERM, as an operator's kill or a service manager's stop. */
        void terminate() {
            process.destroy();
        }

        /** kill -9 of the Java process (and of anything it started), as an operator or the OOM killer would. */
        String killMinus9() {
            String what = process.info().command().orElse("?");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            killedByUs = process.isAlive();
            process.destroyForcibly();
            return what;
        }

        /** Waits until the output holds {@code text}; false if the process ended or the time ran out first. */
        boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (output().contains(text)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return output().contains(text);
                }
                Thread.sleep(100);
            }
            return false;
        }

        String output() {
            try {
                return Files.exists(outputFile) ? Files.readString(outputFile, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the end; a process still running after {@code timeout} hangs: it is killed and said so. */
        Ended await(Duration timeout) throws InterruptedException {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            process.onExit().join();
            long end = exited > 0 ? exited : System.nanoTime();
            return new Ended(process.exitValue(), output(), (end - started) / 1_000_000, killedByUs, !ended);
        }
    }

    /** The repository's root: the folder of run.sh, above the jobs module the tests run in. */
    static final Path ROOT = findRoot();
    static final Path RUN_SH = ROOT.resolve("run.sh");
    static final Path JAR = ROOT.resolve("jobs/target/billing.jar");
    /**
     * JVM options of every run: C1 only. The runs are short, and on two cores the C2 compiler
     * threads cost more than they give (a 60-account cycle: 7.6 s instead of 14.9 s). It changes
     * speed, not behaviour; -Dreliability.java-opts replaces it.
     */
    static final String JAVA_OPTS = System.getProperty("reliability.java-opts", "-XX:TieredStopAtLevel=1");

    private BillingCommand() {
    }

    /**
     * Starts {@code run.sh args...} for a case: its home, its database, the working folder and the
     * temporary folder of its own (so anything written outside the home shows), under an
     * operator's usual umask 022 (run.sh sets 077 itself). Nothing of the caller's environment
     * that the application reads (BILLING_*, LOG_LEVEL, JAVA_OPTS) leaks in.
     */
    static Running start(CaseFolder folder, Database database, String label, List<String> args) throws IOException {
        return start(folder, database, label, args, Map.of());
    }

    /** As above, with variables of its own on top (a remote worker's BILLING_WORKER_NAME). */
    static Running start(CaseFolder folder, Database database, String label, List<String> args,
                         Map<String, String> extraEnvironment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add("-c");
        command.add("umask 022; exec \"$0\" \"$@\"");
        command.add(RUN_SH.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.workingDir().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BILLING_") || k.equals("LOG_LEVEL") || k.equals("JAVA_OPTS")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        env.put("BILLING_HOME", folder.home().toString());
        env.put("JAVA_OPTS", JAVA_OPTS + " -Djava.io.tmpdir=" + folder.tmpDir());
        env.putAll(database.environment());
        env.putAll(extraEnvironment);
        Path out = folder.nextOutputFile(label);
        builder.redirectErrorStream(true).redirectOutput(out.toFile());
        return new Running(builder.start(), out);
    }

    /** Runs a command to its end. */
    static Ended run(CaseFolder folder, Database database, String label, Duration timeout, List<String> args)
            throws IOException, InterruptedException {
        return start(folder, database, label, args).await(timeout);
    }

    /**
     * run.sh rebuilds the jar when a source is newer than it; in the middle of the suite that
     * would be a build racing the runs. The suite runs after packaging (failsafe, verify), so the
     * jar must be newer than every main source and pom, by run.sh's own rule.
     */
    static void requireFreshJar() throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the suite with mvn verify -Preliability"
                    + " (or ./run.sh test --reliability), which packages it first");
        }
        long jarTime = Files.getLastModifiedTime(JAR).toMillis();
        try (Stream<Path> paths = Files.walk(ROOT)) {
            List<Path> newer = paths
                    .filter(p -> !p.startsWith(ROOT.resolve("var")) && !p.toString().contains("/target/")
                            && !p.toString().contains("/.git/"))
                    .filter(p -> (p.toString().contains("/src/main/") && Files.isRegularFile(p))
                            || p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis() > jarTime;
                        } catch (IOException e) {
                            return false;
                        }
                    }).limit(3).toList();
            if (!newer.isEmpty()) {
                throw new IllegalStateException(JAR + " is older than " + newer + ": run.sh would rebuild it during"
                        + " the suite; package first (mvn verify -Preliability does)");
            }
        }
    }

    private static Path findRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("run.sh")) && Files.isDirectory(p.resolve("jobs"))) {
                return p;
            }
        }
        throw new IllegalStateException("run.sh not found above " + dir);
    }
}
