package ca.isp.billing.jobs.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;

/**
 * {@code run.sh bench cycle --accounts N --usage M}: a demo ISP of N accounts with about M usage
 * records, imported, then its whole cycle billed as {@code bill} does; prints each step's time
 * and items a second, and ends with {@code cycle: <A> accounts in <S> s, peak heap <H> MB} (S:
 * the cycle's steps, not the generation nor the imports). Deletes its PDFs, letters, emails and
 * input files afterwards (gigabytes at 100,000 accounts). run.sh gives it the database (MariaDB
 * by default, a schema of its own it drops afterwards) and -Xmx1g.
 */
@Component
public class CycleBench {

    /** A step of the run: its time and items. */
    public record StepTime(String name, double seconds, long read, long written) {
        /** Items a second: the larger of read and written (a tasklet counts one of them). */
        public double itemsPerSecond() {
            return seconds > 0 ? Math.max(read, written) / seconds : 0;
        }
    }

    /** What a run measured. */
    public record Result(int accounts, long usageRecords, CycleOutcome.Result outcome, List<StepTime> steps,
                         double cycleSeconds, long peakHeapBytes) {
        public String lastLine() {
            return String.format("cycle: %d accounts in %.1f s, peak heap %d MB", accounts, cycleSeconds,
                    peakHeapBytes / (1024 * 1024));
        }

        /** Seconds of the named steps together (charge, tax, render for bench partitions). */
        public double seconds(List<String> names) {
            return steps.stream().filter(s -> names.contains(s.name())).mapToDouble(StepTime::seconds).sum();
        }

        public StepTime step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(new StepTime(name, 0, 0, 0));
        }
    }

    private final DemoCommand demo;
    private final CycleLauncher launcher;
    private final BillingProperties properties;
    private final JdbcTemplate jdbc;

    public CycleBench(DemoCommand demo, CycleLauncher launcher, BillingProperties properties, JdbcTemplate jdbc) {
        this.demo = demo;
        this.launcher = launcher;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * The database server and the settings that decide its figures: with MariaDB's default 128 MB
     * buffer pool, a 100,000-account cycle's usage no longer fits in memory and ingest slows file
     * after file (14 s, then 38 s for the same 200,000 lines), whatever the code does.
     */
    public String database() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
        if (product == null || !product.toLowerCase(java.util.Locale.ROOT).matches(".*(mariadb|mysql).*")) {
            return "database: " + product;
        }
        return "database: " + jdbc.queryForObject("""
                SELECT CONCAT(VERSION(), ', innodb_buffer_pool_size ', @@innodb_buffer_pool_size DIV 1048576,
                    ' MB, innodb_log_file_size ', @@innodb_log_file_size DIV 1048576,
                    ' MB, innodb_flush_log_at_trx_commit ', @@innodb_flush_log_at_trx_commit)""", String.class);
    }

    public Result run(int accounts, long usage, long seed) throws IOException {
        LocalDate cycleDate = demo.defaultCycleDate();
        double factor = usage / (DemoIspGenerator.USAGE_PER_ACCOUNT * accounts);
        demo.prepare(accounts, seed, cycleDate, factor);
        long records = countLines(properties.inbox("usage"));
        System.out.println(database());

        HeapSampler heap = new HeapSampler();
        heap.start();
        CycleOutcome outcome;
        try {
            outcome = launcher.bill(cycleDate, CycleLauncher.Option.FORCE);
        } finally {
            heap.stop();
        }
        List<StepTime> steps = new ArrayList<>();
        double total = 0;
        if (outcome.execution() != null) {
            List<StepExecution> top = outcome.execution().getStepExecutions().stream()
                    .filter(s -> !s.getStepName().contains(":"))
                    .sorted(Comparator.comparing(StepExecution::getId)).toList();
            for (StepExecution s : top) {
                double seconds = s.getStartTime() == null || s.getEndTime() == null ? 0
                        : Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0;
                steps.add(new StepTime(s.getStepName(), seconds, s.getReadCount(), s.getWriteCount()));
                total += seconds;
            }
        }
        cleanUp();
        return new Result(accounts, records, outcome.result(), steps, total, heap.peak());
    }

    /** The PDFs, letters, emails and input files of the run: gigabytes at 100,000 accounts. */
    private void cleanUp() throws IOException {
        Path out = properties.out();
        for (Path folder : List.of(out.resolve("invoices"), out.resolve("mail-vendor"), out.resolve("email"),
                properties.home().resolve("archive"), properties.home().resolve("inbox"),
                properties.home().resolve("reference"))) {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** Usage lines generated (headers, malformed and unknown-service lines included). */
    private static long countLines(Path folder) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (Stream<String> content = Files.lines(file)) {
                    lines += content.count() - 1;
                }
            }
        }
        return lines;
    }

    /**
     * The largest heap in use seen every 20 ms during the cycle. A sample can miss a peak shorter
     * than that between two collections; the -Xmx limit itself is the hard bound.
     */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        long peak() {
            return peak.get();
        }
    }
}
