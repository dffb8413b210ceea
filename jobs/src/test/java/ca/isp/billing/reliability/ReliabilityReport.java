package ca.isp.billing.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jobs/target/reliability-report.md: every fault and case tried, what each run ended with, the
 * check that the final state matched the uninterrupted run, counts and timing. Rewritten after
 * every case (a suite cut short still leaves its report). When the bad-input corpus test has
 * written jobs/target/reliability-report-inputs.md, it is appended.
 */
final class ReliabilityReport {

    enum Status { PASSED, FAILED, SKIPPED }

    /** One case: a suite (kill matrix, database outage, disk full), its database and what happened. */
    static final class Case {
        final String suite;
        final String database;
        final String name;
        final List<String> runs = new ArrayList<>();
        final List<String> observations = new ArrayList<>();
        Status status = Status.PASSED;
        String check = "";
        String details = "";
        long millis;
        /** For random kills: draw the moment below this (ms), once a kill came too late; 0: the reference run's length. */
        long killWithin;

        Case(String suite, String database, String name) {
            this.suite = suite;
            this.database = database;
            this.name = name;
        }
    }

    static final Path FILE = BillingCommand.ROOT.resolve("jobs/target/reliability-report.md");
    static final Path INPUTS = BillingCommand.ROOT.resolve("jobs/target/reliability-report-inputs.md");
    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<String, String> NOTES = new LinkedHashMap<>();
    private static final String STARTED = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final long START_NANOS = System.nanoTime();

    private ReliabilityReport() {
    }

    static synchronized void add(Case c) {
        CASES.add(c);
        write();
    }

    /** A line in the report's header (settings, a setup time, a reason a suite was skipped). */
    static synchronized void note(String key, String text) {
        NOTES.put(key, text);
        write();
    }

    static synchronized void write() {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability report\n\n");
        md.append("Started ").append(STARTED).append(", ").append(String.format("%.0f s", (System.nanoTime() - START_NANOS) / 1e9))
                .append(" of wall time so far (the suites run side by side, three at a time). `./run.sh test --reliability` (`mvn verify -Preliability`): every case runs the real")
                .append(" `run.sh bill` as a separate process, kills it, resumes it with the same command until it")
                .append(" exits 0, and compares the final state with an uninterrupted run of the same input (see README,")
                .append(" \"The reliability suite\").\n\n");
        for (Map.Entry<String, String> note : NOTES.entrySet()) {
            md.append("- ").append(note.getKey()).append(": ").append(note.getValue()).append('\n');
        }
        md.append("\n## Counts\n\n| suite | database | cases | passed | failed | skipped | time (sum of its cases) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        Map<String, List<Case>> groups = new LinkedHashMap<>();
        CASES.forEach(c -> groups.computeIfAbsent(c.suite + "\u0000" + c.database, k -> new ArrayList<>()).add(c));
        for (List<Case> group : groups.values()) {
            row(md, group.get(0).suite, group.get(0).database, group);
        }
        row(md, "**all**", "", CASES);

        md.append("\n## Cases\n\n| # | suite | database | case | runs (exit code, time) | at the kill | final state | result | time |\n")
                .append("|---:|---|---|---|---|---|---|---|---:|\n");
        int n = 0;
        for (Case c : CASES) {
            md.append("| ").append(++n).append(" | ").append(c.suite).append(" | ").append(c.database).append(" | ")
                    .append(cell(c.name)).append(" | ").append(cell(String.join("<br>", c.runs))).append(" | ")
                    .append(cell(String.join("<br>", c.observations))).append(" | ").append(cell(c.check)).append(" | ")
                    .append(c.status.name()).append(" | ")
                    .append(String.format("%.1f s", c.millis / 1000.0)).append(" |\n");
        }
        List<Case> failed = CASES.stream().filter(c -> c.status != Status.PASSED && !c.details.isBlank()).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Details of what did not pass\n");
            for (Case c : failed) {
                md.append("\n### ").append(c.suite).append(", ").append(c.database).append(": ").append(c.name)
                        .append(" (").append(c.status).append(")\n\n```\n").append(c.details.strip()).append("\n```\n");
            }
        }
        try {
            if (Files.isRegularFile(INPUTS)) {
                md.append("\n---\n\n").append(Files.readString(INPUTS, StandardCharsets.UTF_8));
            }
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder md, String suite, String database, List<Case> cases) {
        long millis = cases.stream().mapToLong(c -> c.millis).sum();
        md.append("| ").append(suite).append(" | ").append(database).append(" | ").append(cases.size()).append(" | ")
                .append(count(cases, Status.PASSED)).append(" | ").append(count(cases, Status.FAILED)).append(" | ")
                .append(count(cases, Status.SKIPPED))
                .append(" | ").append(String.format("%.0f s", millis / 1000.0)).append(" |\n");
    }

    private static long count(List<Case> cases, Status status) {
        return cases.stream().filter(c -> c.status == status).count();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }
}
