package ca.isp.billing.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ca.isp.billing.demo.DemoIspGenerator;

/**
 * The kill drill on one database: a generated ISP imported once with {@code run.sh import} (the
 * template), billed once without interruption (the reference: the state every other case must
 * end in), then one case per fault: a copy of the template, {@code run.sh bill} killed as the
 * fault says (several faults: killed again on each resume), resumed with the same command until
 * it exits 0, and its final state compared with the reference.
 */
final class KillDrill implements AutoCloseable {

    /** How a database is made for the template and for each case. */
    interface Databases {
        String kind();

        /** The template's database: H2 in the template's home, or a new MariaDB schema. */
        Database forTemplate(CaseFolder template);

        /** A case's database, a copy of the template's (the case's home is already a copy of the template's). */
        Database forCase(CaseFolder folder, Database template) throws Exception;
    }

    static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);
    static final int ACCOUNTS = Integer.getInteger("reliability.accounts", 60);
    static final long SEED = 11;
    static final int CHUNK_SIZE = 4;
    /**
     * The operator's command of every run, the first and every resume: small chunks so that
     * every step has several; --force because 2026-11-01 may be more than a month ahead of the
     * machine's date.
     */
    static final List<String> BILL = List.of("bill", "--cycle-date", CYCLE.toString(), "--force",
            "--billing.chunk-size=" + CHUNK_SIZE, "--billing.grid-size=2");
    /** The seed of the random kill moments (printed in the report: -Dreliability.seed=... replays them). */
    static final long KILL_SEED = Long.getLong("reliability.seed", System.currentTimeMillis() % 1_000_000);
    static final List<String> IMPORTS = List.of("plans", "tax-rates", "tax-jurisdictions", "tax-rules", "accounts",
            "subscriptions", "opening-balances");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_RESUMES = 3;

    /** Chunk steps: where their chunks are counted in the job repository, and items per chunk (see BillingCycleJobConfiguration). */
    static final Map<String, Object[]> CHUNK_STEPS = new LinkedHashMap<>();

    static {
        CHUNK_STEPS.put("rate", new Object[]{"ratePartition:%", CHUNK_SIZE * 5});
        CHUNK_STEPS.put("charge", new Object[]{"chargePartition:%", CHUNK_SIZE});
        CHUNK_STEPS.put("tax", new Object[]{"taxPartition:%", CHUNK_SIZE});
        CHUNK_STEPS.put("invoice", new Object[]{"invoice", CHUNK_SIZE});
        CHUNK_STEPS.put("render", new Object[]{"renderPartition:%", Math.max(1, CHUNK_SIZE / 4)});
        CHUNK_STEPS.put("handoff", new Object[]{"handoffPartition:%", Math.max(1, CHUNK_SIZE / 4)});
        CHUNK_STEPS.put("lateFees", new Object[]{"lateFeesPartition:%", CHUNK_SIZE});
        CHUNK_STEPS.put("delinquency", new Object[]{"delinquencyPartition:%", CHUNK_SIZE * 5});
    }

    private static final Map<String, KillDrill> SHARED = new LinkedHashMap<>();
    private static final Map<String, Object> LOCKS = new LinkedHashMap<>();

    private final Databases databases;
    private final CaseFolder template;
    private final Database templateDb;
    private StateSnapshot expected;
    /** Of the reference run: from the launcher's first line about the cycle to the end. */
    private long referenceCycleMillis;
    private final Map<String, Integer> chunksWritten = new LinkedHashMap<>();
    private final Random random;

    private KillDrill(Databases databases, CaseFolder template, Database templateDb) {
        this.databases = databases;
        this.template = template;
        this.templateDb = templateDb;
        this.random = new Random(KILL_SEED + databases.kind().hashCode());
    }

    /**
     * A moment of the cycle, counted from the launcher's first line about it ("Billing cycle
     * ...: starting", "resuming", "recovering"): up to the length of the reference run's cycle,
     * or {@code within} once a kill came too late. Counting from the process start instead put
     * most kills in the JVM's start-up on a loaded machine.
     */
    private long randomDelay(long within) {
        long to = Math.max(MIN_KILL_DELAY + 100, within > 0 ? within : referenceCycleMillis - 200);
        return MIN_KILL_DELAY + (long) (random.nextDouble() * (to - MIN_KILL_DELAY));
    }

    /** The launcher's first line about the cycle, whether it starts, resumes or recovers it. */
    static String cycleLine() {
        return "Billing cycle " + CYCLE + ": ";
    }

    /**
     * The drill of a database, prepared once per test JVM (the suites share the template and the
     * reference run), removed when the JVM ends.
     */
    static KillDrill of(Databases databases) throws Exception {
        Object lock;
        synchronized (LOCKS) {
            lock = LOCKS.computeIfAbsent(databases.kind(), k -> new Object());
        }
        synchronized (lock) { // one preparation per database; the suites of other databases go on meanwhile
            KillDrill drill;
            synchronized (SHARED) {
                drill = SHARED.get(databases.kind());
            }
            if (drill == null) {
                drill = prepare(databases);
                synchronized (SHARED) {
                    SHARED.put(databases.kind(), drill);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(drill::close));
            }
            return drill;
        }
    }

    /** Generates and imports the ISP, then bills the reference run. */
    private static KillDrill prepare(Databases databases) throws Exception {
        BillingCommand.requireFreshJar();
        long start = System.nanoTime();
        CaseFolder template = CaseFolder.create("template-" + databases.kind());
        Path reference = template.root().resolve("reference");
        Path home = template.home();
        new DemoIspGenerator(SEED, ACCOUNTS, CYCLE).generate(reference, home.resolve("inbox/usage"),
                home.resolve("inbox/payments"));
        // as an operator's umask 077 leaves them
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                CaseFolder.ownerOnly(path);
            }
        }
        Database db = databases.forTemplate(template);
        KillDrill drill = new KillDrill(databases, template, db);
        for (String kind : IMPORTS) {
            BillingCommand.Ended ended = BillingCommand.run(template, db, "import-" + kind, RUN_TIMEOUT,
                    List.of("import", kind, reference.resolve(kind + ".csv").toString()));
            if (ended.exitCode() != 0) {
                throw new IllegalStateException("run.sh import " + kind + " exited " + ended.exitCode() + ":\n"
                        + ended.lastLines(20));
            }
        }
        ReliabilityReport.note("setup " + databases.kind(), String.format(
                "generated ISP (seed %d, %d accounts, cycle %s) imported with run.sh import (%s) in %.1f s; every case"
                        + " starts from a copy of that imported state", SEED, ACCOUNTS, CYCLE, String.join(", ", IMPORTS),
                (System.nanoTime() - start) / 1e9));
        drill.reference();
        return drill;
    }

    private void reference() throws Exception {
        ReliabilityReport.Case c = new ReliabilityReport.Case("reference", databases.kind(), "uninterrupted run");
        long start = System.nanoTime();
        CaseFolder folder = newCase("reference");
        try (Database db = databases.forCase(folder, templateDb)) {
            BillingCommand.Running running = BillingCommand.start(folder, db, "bill", BILL);
            long cycleStarted = running.awaitOutput(cycleLine(), RUN_TIMEOUT) ? System.nanoTime() : 0;
            BillingCommand.Ended ended = running.await(RUN_TIMEOUT);
            referenceCycleMillis = (System.nanoTime() - cycleStarted) / 1_000_000;
            c.runs.add(describe("bill", ended));
            if (ended.exitCode() != 0) {
                throw new IllegalStateException("the uninterrupted run exited " + ended.exitCode() + ":\n" + ended.lastLines(30));
            }
            expected = StateSnapshot.take(db, folder);
            try (Connection connection = db.connect()) {
                countChunks(connection);
            }
            c.check = summary(expected);
            c.observations.add("chunks written per step: " + chunksWritten);
            if (!expected.problems().isEmpty()) {
                c.status = ReliabilityReport.Status.FAILED;
                c.details = "The uninterrupted run breaks the rules:\n" + String.join("\n", expected.problems());
            } else {
                folder.delete();
            }
        } finally {
            c.millis = (System.nanoTime() - start) / 1_000_000;
            ReliabilityReport.add(c);
        }
        if (c.status != ReliabilityReport.Status.PASSED) {
            throw new AssertionError(c.details);
        }
    }

    StateSnapshot expected() {
        return expected;
    }

    /** The chunks each chunk step wrote in the reference run, at least: its writes over its chunk size, per partition. */
    private void countChunks(Connection connection) throws SQLException {
        for (Map.Entry<String, Object[]> step : CHUNK_STEPS.entrySet()) {
            String pattern = (String) step.getValue()[0];
            int items = (Integer) step.getValue()[1];
            int chunks = 0;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '" + pattern + "'")) {
                while (rs.next()) {
                    chunks += (rs.getInt(1) + items - 1) / items;
                }
            }
            chunksWritten.put(step.getKey(), chunks);
        }
    }

    /** The chunk a fault halts in: its own, or the middle one of the step in the reference run. */
    int resolveChunk(Fault fault) {
        if (fault.step() == null || fault.chunk() > 0) {
            return fault.chunk();
        }
        int chunks = chunksWritten.getOrDefault(fault.step(), 1);
        return Math.max(1, (chunks + 1) / 2);
    }

    private static final long MIN_KILL_DELAY = 100;

    /** A random kill -9 that came after the run had ended by itself: nothing was killed. */
    static final class KillMissed extends Exception {
        final long endedAfter;

        KillMissed(String message, long endedAfter) {
            super(message);
            this.endedAfter = endedAfter;
        }
    }

    /** What a case does before the resumes: the runs it kills, or breaks otherwise. */
    interface FirstRuns {
        void run(CaseFolder folder, Database db, ReliabilityReport.Case c, List<String> failures) throws Exception;
    }

    /**
     * One case: a copy of the imported ISP, one killed run per fault (each a resume of the one
     * before), then the same command until it exits 0, then the comparison with the reference.
     * Recorded in the report; returns it (status PASSED or FAILED, with the evidence).
     */
    ReliabilityReport.Case run(String suite, String name, List<Fault> faults) {
        return run(suite, name, (folder, db, c, failures) -> {
            for (Fault fault : faults) {
                killedRun(folder, db, fault, c, failures);
            }
        }, List.of());
    }

    /** A case whose first runs are {@code first}; the resumes add {@code resumeArgs} to the command (normally none). */
    ReliabilityReport.Case run(String suite, String name, FirstRuns first, List<String> resumeArgs) {
        return run(suite, name, first, resumeArgs, () -> { });
    }

    /** Something to undo before the case's folder is deleted (a mount). */
    interface Cleanup {
        void run() throws Exception;
    }

    /** As above, with {@code cleanup} run once the state is compared, before the folder goes. */
    ReliabilityReport.Case run(String suite, String name, FirstRuns first, List<String> resumeArgs, Cleanup cleanup) {
        return run(suite, name, first, resumeArgs, cleanup, null);
    }

    /**
     * The harness's own check, as BillingArchitectureTest proves its rules bite: a case where a
     * resume bills differently (another late fee amount) and where a stray temporary file, a
     * file outside the home and a world-readable PDF are planted; it passes only if the
     * comparison reports every one of them.
     */
    ReliabilityReport.Case selfCheck(String suite) {
        List<String> planted = List.of("late_fee:", "temporary file left: out/.stray.tmp",
                "file written outside the home: cwd/stray.txt", "is rw-r--r--");
        return run(suite, "self-check: a resume that bills other late fees, a stray .tmp, a file outside the home"
                + " and a world-readable PDF must all be caught", (folder, db, c, failures) -> {
                    killedRun(folder, db, Fault.inChunk("lateFees", 1), c, failures);
                    Path home = folder.home();
                    CaseFolder.ownerOnly(Files.writeString(home.resolve("out/.stray.tmp"), "left behind"));
                    Files.writeString(folder.workingDir().resolve("stray.txt"), "outside");
                    try (Stream<Path> pdfs = Files.list(home.resolve("out/invoices").resolve(CYCLE.toString()))) {
                        Path pdf = pdfs.sorted().findFirst().orElseThrow();
                        Files.setPosixFilePermissions(pdf, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    c.observations.add("planted: out/.stray.tmp, cwd/stray.txt, a PDF made rw-r--r--; resumed with"
                            + " --billing.late-fee.amount=12.50");
                }, List.of("--billing.late-fee.amount=12.50"), () -> { }, planted);
    }

    private ReliabilityReport.Case run(String suite, String name, FirstRuns first, List<String> resumeArgs,
                                       Cleanup cleanup, List<String> mustBeCaught) {
        ReliabilityReport.Case c = new ReliabilityReport.Case(suite, databases.kind(), name);
        long start = System.nanoTime();
        CaseFolder folder = null;
        List<String> failures = new ArrayList<>();
        try {
            for (int attempt = 1; ; attempt++) {
                folder = newCase(name);
                try (Database db = databases.forCase(folder, templateDb)) {
                    first.run(folder, db, c, failures);
                    resumeUntilDone(folder, db, c, failures, resumeArgs);
                    compare(folder, db, c, failures);
                    break;
                } catch (KillMissed missed) {
                    // the machine was faster than the reference run: start again, killing sooner
                    c.observations.add(missed.getMessage() + "; the case starts again from the imported state");
                    c.killWithin = Math.max(MIN_KILL_DELAY + 200, missed.endedAfter * 8 / 10);
                    folder.delete();
                    if (attempt == 3) {
                        failures.add("three random kills in a row came after the run had ended");
                        break;
                    }
                }
            }
            if (mustBeCaught != null) {
                List<String> missed = mustBeCaught.stream()
                        .filter(m -> failures.stream().noneMatch(f -> f.contains(m))).toList();
                String caught = String.join("\n", failures);
                failures.clear();
                if (missed.isEmpty()) {
                    c.check = "the comparison caught every planted difference: " + mustBeCaught;
                    c.observations.add("what it reported: " + caught.lines().filter(l -> !l.startsWith("    "))
                            .map(String::strip).toList());
                } else {
                    failures.add("the comparison missed " + missed + "; it reported:\n" + caught);
                }
            }
        } catch (Exception | AssertionError e) {
            failures.add("the harness failed: " + e);
        } finally {
            try {
                cleanup.run();
            } catch (Exception e) {
                failures.add("the harness could not clean up: " + e);
            }
            finish(c, folder, failures, start);
        }
        return c;
    }

    /** Records the case, deletes its folder when it passed (kept as evidence otherwise). */
    void finish(ReliabilityReport.Case c, CaseFolder folder, List<String> failures, long start) {
        c.millis = (System.nanoTime() - start) / 1_000_000;
        if (!failures.isEmpty()) {
            c.status = ReliabilityReport.Status.FAILED;
            c.details = String.join("\n", failures) + (folder == null ? "" : "\n(evidence kept in " + folder.root() + ")");
        } else if (folder != null) {
            folder.delete();
        }
        ReliabilityReport.add(c);
    }

    CaseFolder newCase(String name) throws Exception {
        CaseFolder folder = CaseFolder.create(databases.kind() + "-" + name);
        folder.copyHomeFrom(template.home());
        return folder;
    }

    void killedRun(CaseFolder folder, Database db, Fault fault, ReliabilityReport.Case c, List<String> failures)
            throws Exception {
        List<String> args = new ArrayList<>(BILL);
        String label = fault.label();
        if (fault.step() != null) {
            int chunk = resolveChunk(fault);
            label = fault.step() + " chunk " + chunk + (fault.chunk() == 0 ? " of " + chunksWritten.get(fault.step()) : "");
        }
        args.addAll(fault.arguments(resolveChunk(fault)));
        BillingCommand.Ended ended;
        if (fault.isRealKill()) {
            long delay = fault.killAfterMillis() > 0 ? fault.killAfterMillis() : randomDelay(c.killWithin);
            label = String.format("kill -9 %.1f s into the cycle", delay / 1000.0);
            BillingCommand.Running running = BillingCommand.start(folder, db, "bill-killed", args);
            if (!running.awaitOutput(cycleLine(), RUN_TIMEOUT)) {
                ended = running.await(RUN_TIMEOUT);
                if (ended.exitCode() == 0 && ended.output().contains("nothing to do")) {
                    // the kill before this one came once the cycle had completed
                    c.runs.add(describe("bill (nothing to do)", ended));
                    throw new KillMissed("the cycle had completed before the previous kill -9", delay);
                }
                failures.add("the run never began the cycle:\n" + ended.output());
                c.runs.add(describe(label, ended));
                return;
            }
            long cycleStarted = System.nanoTime();
            Thread.sleep(delay);
            String what = running.isAlive() ? running.killMinus9() : "(already ended)";
            ended = running.await(RUN_TIMEOUT);
            long cycleMillis = ((running.exitedAt() > 0 ? running.exitedAt() : System.nanoTime()) - cycleStarted) / 1_000_000;
            boolean completed = ended.exitCode() == 0 || (ended.killed() && cycleCompleted(db));
            if (completed && fault.killAfterMillis() < 0) {
                c.runs.add(describe(label + " (came too late)", ended));
                throw new KillMissed(String.format("the kill -9 drawn %.1f s into the cycle came after it had %s",
                        delay / 1000.0, ended.killed() ? "completed (the process was ending)"
                                : String.format("ended (%.1f s)", cycleMillis / 1000.0)), Math.min(delay, cycleMillis));
            }
            if (!ended.killedByUs()) {
                c.observations.add("the run ended (exit " + ended.exitCode() + ") before the kill -9 at "
                        + delay + " ms: nothing to kill");
            } else if (!what.endsWith("java")) {
                failures.add("kill -9 hit " + what + ", not the Java process");
            }
        } else {
            ended = BillingCommand.run(folder, db, "bill-halted", RUN_TIMEOUT, args);
        }
        c.runs.add(describe(label, ended));
        if (ended.timedOut()) {
            failures.add("the run with fault '" + label + "' hung (killed after " + RUN_TIMEOUT.toMinutes() + " min)");
        } else if (!ended.killed() && !(fault.isRealKill() && ended.exitCode() == 0)) {
            failures.add("the run with fault '" + label + "' was expected to die (exit 137) but exited "
                    + ended.exitCode() + (ended.exitCode() == 0 ? ": the kill point was never reached" : "") + ":\n"
                    + ended.lastLines(15));
        }
        if (ended.killed()) {
            c.observations.add(observe(folder, db, fault, failures));
        }
    }

    private void resumeUntilDone(CaseFolder folder, Database db, ReliabilityReport.Case c, List<String> failures,
                                 List<String> resumeArgs) throws Exception {
        List<String> command = new ArrayList<>(BILL);
        command.addAll(resumeArgs);
        for (int attempt = 1; attempt <= MAX_RESUMES; attempt++) {
            BillingCommand.Ended ended = BillingCommand.run(folder, db, "bill-resume", RUN_TIMEOUT, command);
            c.runs.add(describe("resume", ended));
            if (ended.exitCode() == 0) {
                if (attempt > 1) {
                    failures.add("the resume needed " + attempt + " runs of the same command");
                }
                return;
            }
            if (ended.timedOut()) {
                failures.add("the resume hung (killed after " + RUN_TIMEOUT.toMinutes() + " min)");
                return;
            }
            failures.add("resume " + attempt + " exited " + ended.exitCode() + ":\n" + ended.lastLines(15));
        }
    }

    void compare(CaseFolder folder, Database db, ReliabilityReport.Case c, List<String> failures) throws Exception {
        if (!failures.isEmpty() && failures.stream().anyMatch(f -> f.startsWith("resume"))) {
            c.check = "not compared: the resume did not complete";
            return;
        }
        StateSnapshot actual = StateSnapshot.take(db, folder);
        String diff = actual.diff(expected, 8);
        c.check = diff.isEmpty() && actual.problems().isEmpty()
                ? "matches the reference (" + summary(actual) + "); runs " + actual.executions()
                : "DIFFERS from the reference";
        if (!diff.isEmpty()) {
            failures.add("final state differs from the uninterrupted run (- expected, + found):\n" + diff);
        }
        for (String problem : actual.problems()) {
            failures.add("rule broken: " + problem);
        }
    }

    /**
     * What the killed process left, read before the resume (H2 opened read-only): the step it was
     * in and what was committed. At the points right after a commit, that commit must be there:
     * durability proven by killing.
     */
    private String observe(CaseFolder folder, Database db, Fault fault, List<String> failures) throws Exception {
        Path home = folder.home();
        StringBuilder at = new StringBuilder();
        long usage;
        long payments;
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            List<String> steps = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' AND JOB_EXECUTION_ID =
                        (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID""")) {
                while (rs.next()) {
                    if (!rs.getString(1).contains(":")) {
                        steps.add(rs.getString(1));
                    }
                }
            }
            at.append(steps.isEmpty() ? "no step running" : "in step " + String.join(", ", steps));
            usage = count(statement, "SELECT COUNT(*) FROM usage_record");
            payments = count(statement, "SELECT COUNT(*) FROM payment");
            at.append("; usage ").append(usage).append(", payments ").append(payments);
            try (ResultSet rs = statement.executeQuery("SELECT status, COUNT(*) FROM invoice WHERE cycle_date = DATE '"
                    + CYCLE + "' GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    at.append(", ").append(rs.getString(1)).append(' ').append(rs.getLong(2));
                }
            }
            at.append(", rendered ").append(count(statement, "SELECT COUNT(*) FROM invoice WHERE rendered_at IS NOT NULL"));
            at.append(", sent ").append(count(statement, "SELECT COUNT(*) FROM delivery WHERE status = 'SENT'"));
        }
        at.append("; files: ").append(files(home.resolve("out/invoices"), ".pdf")).append(" PDFs, ")
                .append(files(home.resolve("out/mail-vendor"), "-PRINT.pdf")).append(" letters, ")
                .append(files(home.resolve("out/email"), ".eml")).append(" emails");
        String point = fault.point();
        if (point != null && (point.startsWith("usage-") || point.startsWith("payments-"))) {
            String kind = point.substring(0, point.indexOf('-'));
            long committed = kind.equals("usage") ? usage : payments;
            long wanted = expected.count(kind.equals("usage") ? "usage_record" : "payment");
            boolean inInbox = files(home.resolve("inbox").resolve(kind), ".csv") > 0;
            boolean archived = files(home.resolve("archive").resolve(kind), ".csv") > 0;
            at.append("; ").append(kind).append(" file ").append(inInbox ? "still in the inbox" : "gone from the inbox")
                    .append(archived ? ", archived" : ", not archived");
            if (committed != wanted) {
                failures.add("committed work lost: killed at " + point + ", the database holds " + committed + " "
                        + kind + " records of the " + wanted + " committed");
            }
            if (point.endsWith("-committed") && (!inInbox || archived)) {
                failures.add("killed at " + point + ": the file left the inbox before its records were durable");
            }
            if (point.endsWith("-archived") && !archived) {
                failures.add("killed at " + point + ": the file is not in the archive");
            }
        }
        return at.toString();
    }

    /** Whether the cycle's last run is COMPLETED (a kill that came while the process was ending). */
    private static boolean cycleCompleted(Database db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC")) {
            return rs.next() && "COMPLETED".equals(rs.getString(1));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    static String describe(String label, BillingCommand.Ended ended) {
        return String.format("%s: exit %d%s (%.1f s)", label, ended.exitCode(),
                ended.timedOut() ? " HUNG" : ended.killedByUs() ? " (kill -9)" : "", ended.millis() / 1000.0);
    }

    static String summary(StateSnapshot s) {
        return String.format("%d invoices, %d lines, %d tax lines, %d ledger entries, %d payments, %d allocations,"
                        + " %d late fees, %d delinquency events, %d deliveries, %d files",
                s.count("invoice"), s.count("invoice_line"), s.count("tax_line"), s.count("account_ledger"),
                s.count("payment"), s.count("payment_allocation"), s.count("late_fee"), s.count("delinquency_event"),
                s.count("delivery"), s.sections().get("files").size());
    }

    @Override
    public void close() {
        templateDb.close();
        template.delete();
    }
}
