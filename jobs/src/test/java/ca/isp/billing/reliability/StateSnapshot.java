package ca.isp.billing.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * What a billing home and its database hold after a cycle, as sorted lines of text per section,
 * so that two states compare with {@code equals} and a difference prints as a readable diff.
 * Database sections are the billing tables with every generated id replaced by the natural key
 * it stands for (invoice number, account number, payment reference, file name) and without the
 * timestamps a run sets (rendered_at, sent_at, ingested_at: only whether they are set); file
 * sections are the names of what was written and, where the content is reproducible, the
 * content (archived inbox files, reject files, the manifest without its PDF checksum column,
 * the emails' headers that name the message). PDFs are not reproducible byte for byte (iText
 * stamps the time): their names are compared here, and {@link #problems()} checks that each
 * file on disk is the one the database recorded.
 *
 * <p>{@link #problems()} are the rules every finished state must keep whatever happened before
 * it: no temporary file left, every file and folder the owner's only, nothing outside the home,
 * every PDF, letter and email the one its row records (SHA-256), every delivery handed over
 * exactly once (SENT, attempts = 1), the cycle COMPLETED and no run left marked as running.
 *
 * <p>Public for other tests that must show "nothing else changed" (two snapshots, before and
 * after, and their {@link #diff}): {@link #take(Connection, Path, LocalDate)}.
 */
public final class StateSnapshot {

    /** The cycle whose invoices, deliveries and files are checked against each other. */
    private final String cycle;
    /** Section name to sorted rows. */
    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> executions = new ArrayList<>();

    private StateSnapshot(LocalDate cycle) {
        this.cycle = cycle.toString();
    }

    /** The billing tables, as the comparison sees them: one query per table, ids replaced by natural keys. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("account", """
                SELECT a.account_number, a.status, a.status_since, a.next_bill_date FROM account a""");
        QUERIES.put("invoice", """
                SELECT i.invoice_number, a.account_number, i.origin, i.cycle_date, i.status, i.hold_reason,
                    i.invoice_date, i.due_date, i.period_start, i.period_end, i.language, i.currency, i.subtotal,
                    i.tax_total, i.total, i.previous_balance, i.payments_received, i.adjustments, i.amount_due,
                    i.amount_paid, i.first_statement, i.pdf_path,
                    CASE WHEN i.rendered_at IS NULL THEN 'no' ELSE 'yes' END AS rendered
                FROM invoice i JOIN account a ON a.id = i.account_id""");
        QUERIES.put("invoice_line", """
                SELECT i.invoice_number AS invoice, ia.account_number AS invoice_account, l.line_no, l.line_type,
                    l.line_key, l.description, l.reason, l.period_start, l.period_end, l.quantity, l.unit,
                    l.unit_price, l.amount
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account ia ON ia.id = i.account_id""");
        QUERIES.put("tax_line", """
                SELECT i.invoice_number AS invoice, ia.account_number AS invoice_account, t.country, t.region,
                    t.tax_code, t.jurisdiction, t.rate, t.taxable_base, t.exempt_base, t.exemption, t.amount
                FROM tax_line t JOIN invoice i ON i.id = t.invoice_id JOIN account ia ON ia.id = i.account_id""");
        QUERIES.put("invoice_number_series", "SELECT series, last_number FROM invoice_number_series");
        QUERIES.put("ingested_file", """
                SELECT kind, file_name, sha256, lines_read, records_stored, duplicates, rejected FROM ingested_file""");
        QUERIES.put("usage_record", """
                SELECT u.source, u.record_id, u.service_id, u.usage_type, u.start_time, u.quantity, f.file_name AS file,
                    u.status, s.subscription_id AS subscription, a.account_number AS account, u.billable_units,
                    u.upload_bytes, u.download_bytes, u.session_seconds, u.destination, u.disposition, u.rated_amount,
                    u.rate_band, i.invoice_number AS invoice
                FROM usage_record u LEFT JOIN ingested_file f ON f.id = u.file_id
                LEFT JOIN subscription s ON s.id = u.subscription_id LEFT JOIN account a ON a.id = u.account_id
                LEFT JOIN invoice i ON i.id = u.invoice_id""");
        QUERIES.put("payment", """
                SELECT p.payment_ref, a.account_number, p.received_on, p.amount, p.method, p.unapplied,
                    f.file_name AS file
                FROM payment p JOIN account a ON a.id = p.account_id LEFT JOIN ingested_file f ON f.id = p.file_id""");
        QUERIES.put("payment_allocation", """
                SELECT p.payment_ref, i.invoice_number AS invoice, pa.amount
                FROM payment_allocation pa JOIN payment p ON p.id = pa.payment_id JOIN invoice i ON i.id = pa.invoice_id""");
        QUERIES.put("account_ledger", """
                SELECT a.account_number, l.entry_date, l.entry_type, l.reference, l.amount,
                    s.invoice_number AS statement_invoice
                FROM account_ledger l JOIN account a ON a.id = l.account_id
                LEFT JOIN invoice s ON s.id = l.statement_invoice_id""");
        QUERIES.put("late_fee", """
                SELECT a.account_number, i.invoice_number AS invoice, f.policy_code, f.amount, f.assessed_on,
                    b.invoice_number AS billed_on
                FROM late_fee f JOIN account a ON a.id = f.account_id JOIN invoice i ON i.id = f.invoice_id
                LEFT JOIN invoice b ON b.id = f.billed_invoice_id""");
        QUERIES.put("delinquency_event", """
                SELECT a.account_number, e.event_date, e.from_status, e.to_status, e.overdue_amount, e.oldest_due_date
                FROM delinquency_event e JOIN account a ON a.id = e.account_id""");
        QUERIES.put("delivery", """
                SELECT i.invoice_number AS invoice, a.account_number, d.channel, d.idempotency_key, d.destination,
                    d.status, d.attempts, d.provider_ref, d.pages, d.last_error,
                    CASE WHEN d.sent_at IS NULL THEN 'no' ELSE 'yes' END AS sent
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id JOIN account a ON a.id = d.account_id""");
    }

    private static final List<String> COUNTED = List.of("company", "plan", "tax_rate", "account", "subscription",
            "service_identifier", "ingested_file", "usage_record", "invoice", "invoice_line", "tax_line",
            "invoice_number_series", "payment", "payment_allocation", "account_ledger", "late_fee",
            "delinquency_event", "delivery", "tax_postal_area", "tax_rule", "tax_exemption", "service_alias",
            "radius_session", "source_file", "voice_rate", "rate_band");

    /**
     * Reads a billing home and its database (the connection's schema, the home's files); the
     * rules are checked for {@code cycle}'s invoices, deliveries and files.
     */
    public static StateSnapshot take(Connection connection, Path home, LocalDate cycle) throws SQLException, IOException {
        StateSnapshot snapshot = new StateSnapshot(cycle);
        Path normalized = home.toAbsolutePath().normalize();
        snapshot.readTables(connection, normalized);
        snapshot.checkDatabaseAgainstFiles(connection, normalized);
        snapshot.readExecutions(connection);
        snapshot.readFiles(normalized);
        snapshot.checkFiles(normalized);
        return snapshot;
    }

    /** Reads the state of a kill drill's case: its database, its home, and what it left outside the home. */
    static StateSnapshot take(Database db, CaseFolder folder) throws SQLException, IOException {
        StateSnapshot snapshot;
        try (Connection connection = db.connect()) {
            snapshot = take(connection, folder.home(), KillDrill.CYCLE);
        }
        for (String outside : folder.filesOutsideHome()) {
            snapshot.problems.add("file written outside the home: " + outside);
        }
        return snapshot;
    }

    /** Section name ("invoice", "files", ...) to its sorted rows. */
    public Map<String, List<String>> sections() {
        return sections;
    }

    /** Broken rules (empty when the state is sound). */
    public List<String> problems() {
        return problems;
    }

    /** The billing cycles' job executions, oldest first: "1 FAILED", "2 COMPLETED". */
    public List<String> executions() {
        return executions;
    }

    /** A table's row count. */
    public long count(String table) {
        return sections.get("counts").stream().filter(r -> r.startsWith(table + "="))
                .mapToLong(r -> Long.parseLong(r.substring(r.indexOf('=') + 1))).findFirst().orElse(-1);
    }

    /**
     * The differences from {@code expected}, section by section: "- " lines are only in the
     * expected state, "+ " lines only in this one (at most {@code max} of each per section).
     * Empty when the two are equal.
     */
    public String diff(StateSnapshot expected, int max) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>(expected.sections.keySet());
        sections.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
            List<String> want = expected.sections.getOrDefault(name, List.of());
            List<String> got = sections.getOrDefault(name, List.of());
            if (want.equals(got)) {
                continue;
            }
            List<String> missing = minus(want, got);
            List<String> extra = minus(got, want);
            out.append("  ").append(name).append(": expected ").append(want.size()).append(" rows, found ")
                    .append(got.size()).append(" (").append(missing.size()).append(" missing, ").append(extra.size())
                    .append(" unexpected)\n");
            missing.stream().limit(max).forEach(r -> out.append("    - ").append(r).append('\n'));
            if (missing.size() > max) {
                out.append("    - ... ").append(missing.size() - max).append(" more\n");
            }
            extra.stream().limit(max).forEach(r -> out.append("    + ").append(r).append('\n'));
            if (extra.size() > max) {
                out.append("    + ... ").append(extra.size() - max).append(" more\n");
            }
        }
        return out.toString();
    }

    /** The rows of {@code a} not in {@code b}, counted as a multiset (a row twice in a and once in b is once here). */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        b.forEach(r -> left.merge(r, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String r : a) {
            Integer n = left.get(r);
            if (n == null || n == 0) {
                out.add(r);
            } else {
                left.put(r, n - 1);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- database

    private void readTables(Connection connection, Path home) throws SQLException {
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            sections.put(query.getKey(), rows(connection, query.getValue(), home));
        }
        List<String> counts = new ArrayList<>();
        for (String table : COUNTED) {
            counts.add(table + "=" + single(connection, "SELECT COUNT(*) FROM " + table));
        }
        sections.put("counts", counts);
    }

    private static List<String> rows(Connection connection, String sql, Path home) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase();
                    Object value = rs.getObject(i);
                    if (column.equals("pdf_path") && value != null) {
                        value = relative(home, Path.of(value.toString()));
                    }
                    row.append(i == 1 ? "" : " ").append(column).append('=').append(text(value));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return text(rs.getObject(1));
        }
    }

    private static String relative(Path home, Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(home) ? home.relativize(normalized).toString() : "OUTSIDE THE HOME: " + path;
    }

    private void readExecutions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT e.JOB_EXECUTION_ID, e.STATUS FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'billingCycle' ORDER BY e.JOB_EXECUTION_ID""")) {
            while (rs.next()) {
                executions.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        if (!executions.isEmpty() && !executions.get(executions.size() - 1).endsWith(" COMPLETED")) {
            problems.add("the cycle's last run is not COMPLETED: " + executions);
        }
        executions.stream().filter(e -> e.matches(".* (STARTING|STARTED|STOPPING|UNKNOWN)"))
                .forEach(e -> problems.add("a run is still marked as running: " + e));
    }

    /** Every PDF, letter and email is the one its row records, and every delivery went out exactly once. */
    private void checkDatabaseAgainstFiles(Connection connection, Path home) throws SQLException, IOException {
        Map<String, String> pdfShaByInvoice = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT invoice_number, pdf_path, pdf_sha256, rendered_at FROM invoice WHERE cycle_date = DATE '"
                        + cycle + "' AND status = 'ISSUED'")) {
            while (rs.next()) {
                String number = rs.getString(1);
                String path = rs.getString(2);
                if (path == null || rs.getObject(4) == null) {
                    problems.add("invoice " + number + " is issued but not rendered");
                    continue;
                }
                Path pdf = Path.of(path);
                if (relative(home, pdf).startsWith("OUTSIDE")) {
                    problems.add("invoice " + number + " PDF outside the home: " + path);
                }
                if (!Files.isRegularFile(pdf)) {
                    problems.add("invoice " + number + " PDF missing: " + path);
                } else if (!sha256(pdf).equals(rs.getString(3))) {
                    problems.add("invoice " + number + " PDF on disk is not the one recorded (SHA-256 differs)");
                }
                pdfShaByInvoice.put(number, rs.getString(3));
            }
        }
        Path mailVendor = home.resolve("out/mail-vendor").resolve(cycle);
        Path email = home.resolve("out/email").resolve(cycle);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT i.invoice_number, d.channel, d.idempotency_key, d.status, d.attempts, d.provider_ref,
                    d.content_sha256
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id WHERE i.cycle_date = DATE '""" + cycle + "'")) {
            while (rs.next()) {
                String key = rs.getString(3);
                if (!"SENT".equals(rs.getString(4)) || rs.getInt(5) != 1) {
                    problems.add("delivery " + key + " is " + rs.getString(4) + " after " + rs.getInt(5)
                            + " attempts (expected SENT after exactly 1)");
                }
                String ref = rs.getString(6);
                if (ref == null) {
                    continue;
                }
                Path file = ("PRINT".equals(rs.getString(2)) ? mailVendor : email).resolve(ref);
                String recorded = rs.getString(7);
                if (!Files.isRegularFile(file)) {
                    problems.add("delivery " + key + " file missing: " + relative(home, file));
                    continue;
                }
                String handedOver = "PRINT".equals(rs.getString(2)) ? sha256(file) : attachmentSha256(file);
                if (!handedOver.equals(recorded)) {
                    problems.add("delivery " + key + ": the " + ("PRINT".equals(rs.getString(2)) ? "letter" : "email's attachment")
                            + " is not the document recorded (SHA-256 differs)");
                }
                if (!recorded.equals(pdfShaByInvoice.get(rs.getString(1)))) {
                    problems.add("delivery " + key + " handed over another PDF than the invoice's");
                }
            }
        }
    }

    // ---------------------------------------------------------------- files

    private void readFiles(Path home) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        List<String> manifest = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String name = home.relativize(path).toString();
                if (name.startsWith("db/") || name.startsWith("logs/")) {
                    continue;
                }
                files.add(name);
                if (name.startsWith("archive/") || name.startsWith("rejects/")) {
                    contents.add(name + " sha256=" + sha256(path));
                }
                if (name.endsWith("/manifest.csv")) {
                    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                        // the last column is the PDF's SHA-256: not reproducible (checked against the letter instead)
                        manifest.add(line.substring(0, Math.max(0, line.lastIndexOf(','))));
                    }
                }
                if (name.endsWith(".eml")) {
                    emails.add(name + " " + emailHeaders(path));
                }
            }
        }
        files.sort(null);
        contents.sort(null);
        manifest.sort(null);
        emails.sort(null);
        sections.put("files", files);
        sections.put("file contents (archive, rejects)", contents);
        sections.put("manifest.csv (without sha256)", manifest);
        sections.put("emails (headers)", emails);
    }

    /** Rules on the files: no temporary file, owner-only, no file without its row. */
    private void checkFiles(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                String name = home.relativize(path).toString();
                if (path.getFileName().toString().endsWith(".tmp")) {
                    problems.add("temporary file left: " + name);
                }
                boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                if (!mode.equals(dir ? "rwx------" : "rw-------")) {
                    problems.add("not the owner's only: " + (name.isEmpty() ? "(home)" : name) + " is " + mode);
                }
            }
        }
        List<String> names = sections.get("files");
        long invoicesOnDisk = names.stream().filter(n -> n.startsWith("out/invoices/")).count();
        long lettersOnDisk = names.stream().filter(n -> n.startsWith("out/mail-vendor/") && n.endsWith(".pdf")).count();
        long emailsOnDisk = names.stream().filter(n -> n.startsWith("out/email/")).count();
        long issued = sections.get("invoice").stream()
                .filter(r -> r.contains(" cycle_date=" + cycle + " ") && r.contains(" status=ISSUED ")).count();
        long letters = sections.get("delivery").stream().filter(r -> r.contains(" channel=PRINT ")).count();
        long emails = sections.get("delivery").stream().filter(r -> r.contains(" channel=EMAIL ")).count();
        if (invoicesOnDisk != issued || lettersOnDisk != letters || emailsOnDisk != emails) {
            problems.add("files without their row or rows without their file: " + invoicesOnDisk + " PDFs for "
                    + issued + " invoices, " + lettersOnDisk + " letters for " + letters + " PRINT deliveries, "
                    + emailsOnDisk + " emails for " + emails + " EMAIL deliveries");
        }
        long manifestRows = sections.get("manifest.csv (without sha256)").size() - 1; // header
        if (letters > 0 && manifestRows != letters) {
            problems.add("manifest.csv lists " + manifestRows + " letters for " + letters + " PRINT deliveries");
        }
        checkManifestAgainstLetters(home);
    }

    private void checkManifestAgainstLetters(Path home) throws IOException {
        Path dir = home.resolve("out/mail-vendor").resolve(cycle);
        Path manifest = dir.resolve("manifest.csv");
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        // by column name: the vendor's columns may grow (sheets), and customer text may hold commas
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(manifest, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        for (CSVRecord row : rows) {
            String sha = row.get("sha256");
            String pdfFile = row.get("pdf_file");
            Path letter = dir.resolve(pdfFile);
            if (!Files.isRegularFile(letter)) {
                problems.add("manifest.csv names a letter that is not there: " + pdfFile);
            } else if (!sha256(letter).equals(sha)) {
                problems.add("manifest.csv's SHA-256 of " + pdfFile + " is not the letter's");
            }
        }
    }

    private static String emailHeaders(Path eml) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Map<String, String> headers = new TreeMap<>();
            for (String header : List.of("Message-ID", "From", "To", "Subject")) {
                String[] values = message.getHeader(header);
                headers.put(header, values == null ? "null" : String.join(";", values));
            }
            return headers.toString();
        } catch (MessagingException e) {
            return "UNREADABLE (" + e.getMessage() + ")";
        }
    }

    /** The SHA-256 of the PDF attached to an email (what was handed over by mail). */
    private static String attachmentSha256(Path eml) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("application/pdf")) {
                        try (InputStream pdf = part.getInputStream()) {
                            return sha256(pdf.readAllBytes());
                        }
                    }
                }
            }
            return "no PDF attached";
        } catch (MessagingException e) {
            return "unreadable email: " + e.getMessage();
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
