package ca.isp.billing.jobs.cycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.files.SpreadsheetCells;
import ca.isp.billing.jobs.BillingApplication;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.RunGuard;
import ca.isp.billing.writers.AtomicFiles;

/**
 * {@code bill --dry-run}: the cycle rehearsed on a scratch copy, so an operator sees what it would
 * bill before anything is stored or sent. The copy is the database (an H2 script replayed into a
 * new file, or a new MySQL/MariaDB schema with every table's rows) and the inbox, under
 * {@code dry-run/} in the billing home; the real {@code billingCycle} job runs there, in an
 * application of its own, with Lob, SMTP and the bounce mailbox switched off (letters and emails
 * become files in the copy). The same code bills both runs: only the database and the folders
 * differ. What it would issue is written as CSV to {@code out/dry-run/<cycle date>/}, with the
 * run summary; the copy is then deleted, unless kept for its proofs (the PDFs).
 */
@Component
public class DryRun {

    private static final Logger log = LoggerFactory.getLogger(DryRun.class);
    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+/)([^?;]*)(.*)$");
    /** Settings that reach outside the process: blanked in the copy, whatever the environment says. */
    private static final Map<String, String> NOTHING_LEAVES = Map.of(
            "billing.lob.api-key", "", "billing.smtp.host", "", "billing.bounces.host", "");

    private static final List<String> INVOICE_COLUMNS = List.of("account_number", "invoice_number", "status",
            "hold_reason", "review_status", "invoice_date", "due_date", "period_start", "period_end", "language", "currency",
            "subtotal", "tax_total", "total", "previous_balance", "amount_due");
    private static final List<String> LINE_COLUMNS = List.of("account_number", "invoice_number", "line_no",
            "line_type", "description", "period_start", "period_end", "quantity", "unit", "unit_price", "amount");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final ConfigurableEnvironment environment;
    private final Clock clock;
    private final RunGuard guard;
    /** The copy's application while it bills: a SIGTERM stops its cycle, never one of the real database. */
    private volatile ConfigurableApplicationContext running;

    public DryRun(DataSource dataSource, JdbcTemplate jdbc, BillingProperties properties,
                  ConfigurableEnvironment environment, Clock clock, RunGuard guard) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
        this.guard = guard;
    }

    /** The copy's application while it bills (what a graceful stop must stop), else empty. */
    public Optional<ConfigurableApplicationContext> copyInProgress() {
        return Optional.ofNullable(running);
    }

    /**
     * Copies a killed dry run left (a folder under dry-run/ and, on MySQL/MariaDB, the schema its
     * schema.txt names) are removed once a day old: they hold a copy of every customer's data.
     */
    private void removeStaleCopies() {
        Path folder = properties.home().resolve("dry-run");
        if (!Files.isDirectory(folder)) {
            return;
        }
        long dayAgo = System.currentTimeMillis() - java.util.concurrent.TimeUnit.DAYS.toMillis(1);
        try (Stream<Path> copies = Files.list(folder)) {
            for (Path stale : (Iterable<Path>) copies::iterator) {
                if (Files.getLastModifiedTime(stale).toMillis() > dayAgo) {
                    continue;
                }
                Path schema = stale.resolve("schema.txt");
                if (Files.isRegularFile(schema)) {
                    String name = Files.readString(schema, StandardCharsets.UTF_8).trim();
                    if (name.matches("[A-Za-z0-9_]+_dry_[0-9]+")) {
                        dropCopy(name);
                    }
                }
                log.warn("removing the copy of a dry run left since {}: {}", Files.getLastModifiedTime(stale), stale);
                deleteTree(stale);
            }
        } catch (IOException e) {
            log.warn("could not look for copies left by earlier dry runs in {}: {}", folder, e.getMessage());
        }
    }

    /** What the rehearsal came to: the cycle's outcome in the copy, and what it would issue. */
    public record Rehearsal(CycleOutcome outcome, int invoices, int held, Map<String, Totals> totalsByCurrency,
                            Path folder, Path keptCopy, String keptSchema) {
    }

    /** The would-be invoices of one currency, summed from their rounded columns. */
    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal amountDue) {
        Totals plus(BigDecimal s, BigDecimal t, BigDecimal tot, BigDecimal due) {
            return new Totals(subtotal.add(s), tax.add(t), total.add(tot), amountDue.add(due));
        }
    }

    /**
     * Rehearses the cycle of {@code cycleDate}; {@code keep} leaves the copy (database, PDFs,
     * mail-vendor batch, emails as files) for the operator to look at.
     */
    public Rehearsal rehearse(LocalDate cycleDate, boolean keep, CycleLauncher.Option... options) throws IOException {
        Path scratch = properties.home().resolve("dry-run").resolve(cycleDate + "-" + System.currentTimeMillis());
        ca.isp.billing.domain.files.OwnerOnly.createDirectories(scratch.getParent());
        ca.isp.billing.domain.files.OwnerOnly.createDirectories(scratch);
        String copyUrl;
        String mysqlCopy = null;
        // The guard while copying: a run in progress would be copied half done.
        Optional<RunGuard.Held> held = guard.tryAcquire();
        if (held.isEmpty()) {
            deleteTree(scratch);
            return new Rehearsal(CycleOutcome.of(cycleDate, Result.IN_THE_WAY, "another billing run is in progress on"
                    + " this database; a dry run copies it, so wait for that run to finish"), 0, 0, Map.of(), null, null, null);
        }
        ConfigurableApplicationContext copy = null;
        try (RunGuard.Held ignored = held.get()) {
            removeStaleCopies();
            copyFolder(properties.home().resolve("inbox"), scratch.resolve("inbox"));
            // A source whose files pass through the inbox but are dropped elsewhere (a PBX's spool
            // folder): the copy reads and moves a copy of them, never the real ones. A source read in
            // place (FreeRADIUS) is only read; its positions go to the copy's database.
            Map<String, Path> sourceFolders = new LinkedHashMap<>();
            properties.ingest().sources().forEach((name, source) -> {
                if (!source.format().inPlace() && source.folder() != null) {
                    sourceFolders.put(name, scratch.resolve("sources").resolve(name));
                }
            });
            for (Map.Entry<String, Path> folder : sourceFolders.entrySet()) {
                copyFolder(properties.sourceFolder(folder.getKey(), properties.ingest().sources().get(folder.getKey())),
                        folder.getValue());
            }
            if (isMySql()) {
                Matcher url = MYSQL_URL.matcher(setting("spring.datasource.url"));
                if (!url.matches()) {
                    throw new IllegalStateException("a dry run on MySQL/MariaDB needs the schema in the database URL");
                }
                String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
                String suffix = "_dry_" + System.currentTimeMillis();
                mysqlCopy = (schema.length() + suffix.length() > 64 ? schema.substring(0, 64 - suffix.length()) : schema) + suffix;
                // The copy compares text as ours does: the same character set and collation.
                Map<String, Object> charset = jdbc.queryForMap("""
                        SELECT default_character_set_name, default_collation_name FROM information_schema.schemata
                        WHERE schema_name = ?""", schema);
                jdbc.execute("CREATE DATABASE `" + mysqlCopy + "` CHARACTER SET " + charset.get("default_character_set_name")
                        + " COLLATE " + charset.get("default_collation_name"));
                copyUrl = url.group(1) + mysqlCopy + url.group(3);
                // named beside the copy's files, so a copy left by a killed dry run can be found and removed
                AtomicFiles.write(scratch, "schema.txt", (mysqlCopy + "\n").getBytes(StandardCharsets.UTF_8));
                copy = start(scratch, copyUrl, sourceFolders); // Flyway makes the copy's tables ...
                copyRows(schema, mysqlCopy); // ... which get every row of ours
            } else {
                copyUrl = "jdbc:h2:file:" + scratch.resolve("db").resolve("billing") + ";DB_CLOSE_ON_EXIT=FALSE";
                copyH2(scratch, copyUrl);
                copy = start(scratch, copyUrl, sourceFolders);
            }
        } catch (RuntimeException | IOException e) {
            closeQuietly(copy);
            dropCopy(mysqlCopy);
            deleteTree(scratch);
            throw e;
        }

        running = copy;
        try {
            log.info("dry run of cycle {} in {}", cycleDate, scratch);
            CycleOutcome outcome = copy.getBean(CycleLauncher.class).bill(cycleDate, options);
            Path folder = properties.out().resolve("dry-run").resolve(cycleDate.toString());
            if (outcome.result() == Result.ALREADY_COMPLETED) {
                outcome = CycleOutcome.of(cycleDate, Result.ALREADY_COMPLETED, "cycle " + cycleDate + " has already been"
                        + " billed: a dry run rehearses a cycle before it runs (its invoices are in the database)");
                return new Rehearsal(outcome, 0, 0, Map.of(), null, keep ? scratch : null, keep ? mysqlCopy : null);
            }
            if (outcome.result() != Result.COMPLETED) {
                // a partial rehearsal would read as what the cycle bills: nothing is written
                return new Rehearsal(CycleOutcome.of(cycleDate, outcome.result(), "the dry run did not complete ("
                        + outcome.result() + "): " + outcome.message().replace(scratch.toString(), "<the copy>")
                        + "; details in " + environment.getProperty("logging.file.name", "the log")), 0, 0, Map.of(),
                        null, keep ? scratch : null, keep ? mysqlCopy : null);
            }
            JdbcTemplate copyJdbc = copy.getBean(JdbcTemplate.class);
            Rehearsal rehearsal = export(outcome, copyJdbc, cycleDate, folder, keep ? scratch : null,
                    keep ? mysqlCopy : null);
            Path summary = scratch.resolve("out").resolve("reports").resolve(cycleDate.toString()).resolve("run-summary.txt");
            if (Files.isRegularFile(summary)) {
                AtomicFiles.write(folder, "run-summary.txt", Files.readAllBytes(summary));
            }
            return rehearsal;
        } finally {
            running = null;
            closeQuietly(copy);
            if (!keep) {
                dropCopy(mysqlCopy);
                deleteTree(scratch);
            }
        }
    }

    /** The application again, on the copy: the same jobs and settings, nothing that leaves the process. */
    private ConfigurableApplicationContext start(Path scratch, String url, Map<String, Path> sourceFolders) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            // What the operator (or a test) gave on the command line; application.properties and
            // billing.properties are read again by the copy itself.
            if (source instanceof EnumerablePropertySource<?> named && source.getName().equals("commandLineArgs")) {
                for (String name : named.getPropertyNames()) {
                    // settings only: the command's own options (cycle-date, dry-run...) are not the copy's
                    if (name.startsWith("billing.") || name.startsWith("spring.") || name.startsWith("logging.")) {
                        settings.put(name, environment.getProperty(name));
                    }
                }
            }
        }
        settings.put("spring.config.import", "optional:file:" + properties.home().resolve("billing.properties"));
        settings.put("billing.home", scratch.toString());
        settings.put("billing.templates", properties.templates().toAbsolutePath().toString());
        settings.put("spring.datasource.url", url);
        sourceFolders.forEach((name, folder) -> settings.put("billing.ingest.sources." + name + ".folder", folder.toString()));
        settings.put("logging.file.name", environment.getProperty("logging.file.name", ""));
        settings.putAll(NOTHING_LEAVES);
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Clock today = clock;
        return new SpringApplicationBuilder(BillingApplication.class)
                .registerShutdownHook(false)
                // The same "today" as this application (the date guard, due dates).
                .initializers(context -> ((GenericApplicationContext) context).registerBean("dryRunClock", Clock.class,
                        () -> today, definition -> definition.setPrimary(true)))
                .run(args);
    }

    private String setting(String name) {
        String value = environment.getProperty(name);
        return value == null ? "" : value;
    }

    private boolean isMySql() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mysql") || product.contains("mariadb");
        }));
    }

    /** H2: the whole database as a script, replayed into a new file (then the script goes). */
    private void copyH2(Path scratch, String copyUrl) {
        Path script = scratch.resolve("copy.sql");
        String quoted = "'" + script.toAbsolutePath().toString().replace("'", "''") + "'";
        jdbc.execute("SCRIPT TO " + quoted);
        try (Connection target = DriverManager.getConnection(copyUrl, setting("spring.datasource.username"),
                setting("spring.datasource.password")); Statement statement = target.createStatement()) {
            statement.execute("RUNSCRIPT FROM " + quoted);
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the database for the dry run: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", script, e.getMessage());
            }
        }
    }

    /** MySQL/MariaDB: every row of every table but Flyway's, into the copy's identical tables. */
    private void copyRows(String from, String to) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""",
                String.class, from);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : tables) {
                        statement.execute("DELETE FROM `" + to + "`.`" + table + "`");
                        statement.execute("INSERT INTO `" + to + "`.`" + table + "` SELECT * FROM `" + from + "`.`" + table + "`");
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
    }

    private void dropCopy(String mysqlCopy) {
        if (mysqlCopy != null) {
            try {
                jdbc.execute("DROP DATABASE IF EXISTS `" + mysqlCopy + "`");
            } catch (RuntimeException e) {
                log.warn("could not drop the dry run's schema {}: {}", mysqlCopy, e.getMessage());
            }
        }
    }

    /** The would-be invoices and their lines, as CSV, and their totals per currency. */
    private Rehearsal export(CycleOutcome outcome, JdbcTemplate copyJdbc, LocalDate cycleDate, Path folder, Path kept,
                             String keptSchema) {
        List<List<Object>> invoices = new ArrayList<>();
        Map<String, Totals> totals = new TreeMap<>();
        int[] held = {0};
        copyJdbc.query("""
                SELECT a.account_number, i.invoice_number, i.status, i.hold_reason, i.review_status, i.invoice_date, i.due_date,
                       i.period_start, i.period_end, i.language, i.currency, i.subtotal, i.tax_total, i.total,
                       i.previous_balance, i.amount_due
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? ORDER BY a.account_number""", rs -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= INVOICE_COLUMNS.size(); c++) {
                row.add(rs.getObject(c));
            }
            invoices.add(row);
            // held: untaxed (no jurisdiction) or by the review gate: not rendered, not sent
            if ("HELD".equals(rs.getString(3)) || "HELD".equals(rs.getString(5))) {
                held[0]++;
            }
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            totals.merge(rs.getString(11), new Totals(zero, zero, zero, zero).plus(orZero(rs.getBigDecimal(12)),
                    orZero(rs.getBigDecimal(13)), orZero(rs.getBigDecimal(14)), orZero(rs.getBigDecimal(16))),
                    (a, b) -> a.plus(b.subtotal(), b.tax(), b.total(), b.amountDue()));
        }, cycleDate);
        List<List<Object>> lines = new ArrayList<>();
        copyJdbc.query("""
                SELECT a.account_number, i.invoice_number, l.line_no, l.line_type, l.description, l.period_start,
                       l.period_end, l.quantity, l.unit, l.unit_price, l.amount
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? ORDER BY a.account_number, l.line_no""", rs -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= LINE_COLUMNS.size(); c++) {
                row.add(rs.getObject(c));
            }
            lines.add(row);
        }, cycleDate);
        AtomicFiles.write(folder, "invoices.csv", csv(INVOICE_COLUMNS, invoices));
        AtomicFiles.write(folder, "invoice-lines.csv", csv(LINE_COLUMNS, lines));
        return new Rehearsal(outcome, invoices.size(), held[0], totals, folder, kept, keptSchema);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Text cells neutralised for spreadsheets; numbers and dates as they are. */
    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (List<Object> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell instanceof String text ? SpreadsheetCells.text(text)
                            : cell instanceof BigDecimal number ? number.toPlainString()
                            : cell == null ? "" : cell.toString());
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                // links are copied as links (not their targets): the ingest refuses them as in the real run
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    ca.isp.billing.domain.files.OwnerOnly.createDirectories(target);
                } else {
                    Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete the dry run's copy {}: {}", folder, e.getMessage());
        }
    }

    private static void closeQuietly(ConfigurableApplicationContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("closing the dry run's application: {}", e.getMessage());
            }
        }
    }
}
