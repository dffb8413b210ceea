package ca.isp.billing.jobs;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The hand-written CSV files of src/test/resources/fixtures (reference/, hand-worked/, ...),
 * reject files read back, and the commands of one process each that the hand-worked cycle tests run.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file by its path under fixtures/, e.g. "reference/accounts.csv". */
    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports folder/<kind>.csv for each kind, in the order given, as an operator would. */
    public static void importAll(ReferenceDataImporter importer, String folder, Kind... kinds) throws IOException {
        for (Kind kind : kinds) {
            importer.importFile(kind, path(folder + "/" + kind.label() + ".csv"));
        }
    }

    /** Copies a fixture into an inbox folder under the given file name; returns the copy. */
    public static Path drop(String fixture, Path inbox, String fileName) throws IOException {
        Files.createDirectories(inbox);
        return Files.copy(path(fixture), inbox.resolve(fileName));
    }

    /** The rows of a reject file (file,line,field,reason,raw), header skipped. */
    public static List<CSVRecord> rejects(Path rejectFile) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(rejectFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return parser.getRecords();
        }
    }

    /** Imports one fixture file as the given kind. */
    public static void importFile(ReferenceDataImporter importer, Kind kind, String fixture) throws IOException {
        importer.importFile(kind, path(fixture));
    }

    /** Copies a fixture into an inbox folder under its own file name. */
    public static void drop(String fixture, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path source = path(fixture);
        Files.copy(source, inbox.resolve(source.getFileName()));
    }

    /**
     * Runs {@code bill} (forced: the hand-worked cycles run months ahead of the pinned today) in a
     * new application on the test's database and folder, as the command line does: one process
     * per command. (A second cycle in the same application: see SameProcessSecondCycleTest.)
     */
    public static Result billInNewProcess(Path home, LocalDate cycle) {
        try (BillingRun run = BillingRun.start(home, url(home), "sa", "")) {
            return run.bean(CycleLauncher.class).bill(cycle, CycleLauncher.Option.FORCE).result();
        }
    }

    /** Runs {@code rerun} in a new application, as the command line does. */
    public static Result rerunInNewProcess(Path home, LocalDate cycle) {
        try (BillingRun run = BillingRun.start(home, url(home), "sa", "")) {
            return run.bean(CycleLauncher.class).rerun(cycle).result();
        }
    }

    private static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("db").resolve("billing");
    }

    /** One column of an account's invoice of a cycle. */
    public static BigDecimal invoiceValue(JdbcTemplate jdbc, String column, String account, LocalDate cycle) {
        return jdbc.queryForObject("SELECT i." + column + " FROM invoice i JOIN account a ON a.id = i.account_id"
                + " WHERE a.account_number = ? AND i.cycle_date = ?", BigDecimal.class, account, cycle);
    }

    /** Sum of the account's ledger: what it owes now. */
    public static BigDecimal balance(JdbcTemplate jdbc, String account) {
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id"
                + " WHERE a.account_number = ?", BigDecimal.class, account);
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
