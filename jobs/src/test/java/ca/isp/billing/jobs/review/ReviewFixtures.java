package ca.isp.billing.jobs.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/** The hand-written CSV files of src/test/resources/fixtures/review and a few read-backs. */
final class ReviewFixtures {

    private ReviewFixtures() {
    }

    static Path path(String name) {
        URL url = ReviewFixtures.class.getResource("/fixtures/review/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture review/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void importFile(ReferenceDataImporter importer, Kind kind, String fixture) throws IOException {
        importer.importFile(kind, path(fixture));
    }

    /** Copies a fixture into an inbox folder under its own file name. */
    static void drop(String fixture, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path source = path(fixture);
        Files.copy(source, inbox.resolve(source.getFileName()));
    }

    /**
     * Runs {@code bill} (or {@code rerun}) in a new application on the test's database and folder, as
     * the command line does: one process per command. (A second cycle in the same application
     * rates no usage: see SameProcessSecondCycleTest.)
     */
    static Result billInNewProcess(Path home, LocalDate cycle) {
        try (BillingRun run = BillingRun.start(home, url(home), "sa", "")) {
            return run.bean(CycleLauncher.class).bill(cycle, CycleLauncher.Option.FORCE).result();
        }
    }

    static Result rerunInNewProcess(Path home, LocalDate cycle) {
        try (BillingRun run = BillingRun.start(home, url(home), "sa", "")) {
            return run.bean(CycleLauncher.class).rerun(cycle).result();
        }
    }

    private static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("db").resolve("billing");
    }

    /** One column of an account's invoice of a cycle. */
    static BigDecimal invoiceValue(JdbcTemplate jdbc, String column, String account, LocalDate cycle) {
        return jdbc.queryForObject("SELECT i." + column + " FROM invoice i JOIN account a ON a.id = i.account_id"
                + " WHERE a.account_number = ? AND i.cycle_date = ?", BigDecimal.class, account, cycle);
    }

    /** Sum of the account's ledger: what it owes now. */
    static BigDecimal balance(JdbcTemplate jdbc, String account) {
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id"
                + " WHERE a.account_number = ?", BigDecimal.class, account);
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
