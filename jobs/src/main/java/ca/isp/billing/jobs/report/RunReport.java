package ca.isp.billing.jobs.report;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.AgeingBucket;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.accounting.LineAccounts;
import ca.isp.billing.jobs.support.UsageIngestJob;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.ReportDocuments;
import ca.isp.billing.writers.ReportTable;
import ca.isp.billing.writers.RunReportPage;
import ca.isp.billing.writers.RunReportPage.Chart;

import static ca.isp.billing.writers.ReportTable.count;
import static ca.isp.billing.writers.ReportTable.money;
import static ca.isp.billing.writers.ReportTable.rate;
import static ca.isp.billing.writers.ReportTable.text;

/**
 * The run report people read after a run: an HTML page of bar charts with their tables
 * ({@code out/reports/<date>/<page>.html}) and the same figures as CSV beside it
 * ({@code <page>-<table>.csv}), written after every cycle (page {@code run-report}), every
 * daily collections run ({@code collections-report}) and every usage ingest
 * ({@code ingest-report}, the day's last run). The figures are read back from the database and
 * the reject files, like the run summary's, so a resumed run reports the whole run; a rerun
 * replaces the files whole (temporary file, then move), owner-only.
 */
@Component
public class RunReport {

    private static final Logger log = LoggerFactory.getLogger(RunReport.class);

    /** Which run a page reports, and the name of its files. */
    public enum Page {
        CYCLE("run-report"), COLLECTIONS("collections-report"), INGEST("ingest-report");

        private final String fileStem;

        Page(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileStem() {
            return fileStem;
        }
    }

    private final JdbcTemplate jdbc;
    private final BillingProperties properties;

    public RunReport(JdbcTemplate jdbc, BillingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** After a cycle: its invoices, tax, receivables on the cycle date, deliveries, rejects, steps. */
    public Path writeCycle(LocalDate cycleDate, List<JobExecution> executions) {
        RunWindow window = RunWindow.of(executions);
        List<Chart> charts = List.of(
                new Chart(totals(cycleDate), List.of("currency"), "total", List.of()),
                new Chart(revenueByPlan(cycleDate), List.of("currency", "plan"), "amount", List.of("lines", "amount")),
                new Chart(revenueByProvince(cycleDate), List.of("currency", "country", "province"), "amount",
                        List.of("invoices", "amount")),
                new Chart(taxByJurisdiction(cycleDate), List.of("currency", "region", "jurisdiction", "tax_code"), "tax",
                        List.of("tax")),
                new Chart(ageing(cycleDate), List.of("currency", "bucket"), "amount", List.of("invoices", "amount")),
                new Chart(ageingByCustomerType(cycleDate), List.of("currency", "customer_type", "bucket"), "amount",
                        List.of("invoices", "amount")),
                new Chart(deliveries(cycleDate), List.of("channel", "status"), "deliveries", List.of("deliveries")),
                new Chart(rejects(window, null), List.of("source", "field", "reason"), "lines", List.of("lines")),
                new Chart(stepTimes(executions), List.of("step", "run"), "seconds", List.of()));
        return write(Page.CYCLE, cycleDate, "Billing cycle " + cycleDate,
                List.of("Invoices of the cycle dated " + cycleDate + " (issued only; held invoices are not in the "
                        + "figures until they are issued), receivables on that day, files read by its runs, "
                        + executions.size() + " run(s)."), charts);
    }

    /** After a daily collections run: receivables on its date, payment-file rejects, steps. */
    public Path writeCollections(LocalDate date, List<JobExecution> executions) {
        RunWindow window = RunWindow.of(executions);
        List<Chart> charts = List.of(
                new Chart(ageing(date), List.of("currency", "bucket"), "amount", List.of("invoices", "amount")),
                new Chart(ageingByCustomerType(date), List.of("currency", "customer_type", "bucket"), "amount",
                        List.of("invoices", "amount")),
                new Chart(rejects(window, "payments"), List.of("source", "field", "reason"), "lines", List.of("lines")),
                new Chart(notices(date), List.of("kind", "channel", "status"), "notices", List.of("notices")),
                new Chart(stepTimes(executions), List.of("step", "run"), "seconds", List.of()));
        return write(Page.COLLECTIONS, date, "Collections " + date,
                List.of("Receivables on " + date + ", payment files read by the day's runs, notices of the day, "
                        + executions.size() + " run(s)."), charts);
    }

    /** After a usage ingest: the rejects of the files it read, and its steps. */
    public Path writeIngest(LocalDate day, JobExecution execution) {
        List<JobExecution> executions = List.of(execution);
        RunWindow window = RunWindow.of(executions);
        List<Chart> charts = List.of(
                new Chart(rejects(window, null), List.of("source", "field", "reason"), "lines", List.of("lines")),
                new Chart(stepTimes(executions), List.of("step", "run"), "seconds", List.of()));
        return write(Page.INGEST, day, "Usage ingest " + day,
                List.of("The last ingest of " + day + " (run " + execution.getJobParameters().getParameter(UsageIngestJob.RUN)
                        .value() + ", " + execution.getStatus() + "): the files it read."), charts);
    }

    private Path write(Page page, LocalDate date, String heading, List<String> facts, List<Chart> charts) {
        Path folder = properties.reports(date);
        // A run killed while writing the page left its temporary file.
        AtomicFiles.deleteLeftoverTemps(folder);
        for (Chart chart : charts) {
            AtomicFiles.write(folder, page.fileStem() + "-" + chart.table().name() + ".csv",
                    ReportDocuments.csv(chart.table()));
        }
        Path html = AtomicFiles.write(folder, page.fileStem() + ".html", RunReportPage.html(heading, facts, charts));
        log.info("Run report written to {} (and its figures as {}-*.csv beside it)", html, page.fileStem());
        return html;
    }

    /** Issued invoices per currency: how many, revenue (subtotal), tax and total. */
    ReportTable totals(LocalDate cycleDate) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT currency, COUNT(*), SUM(subtotal), SUM(tax_total), SUM(total) FROM invoice
                WHERE cycle_date = ? AND status = ? AND origin = ? GROUP BY currency ORDER BY currency""", rs -> {
            rows.add(Arrays.asList(rs.getString(1), rs.getLong(2), Money.round(rs.getBigDecimal(3)),
                    Money.round(rs.getBigDecimal(4)), Money.round(rs.getBigDecimal(5))));
        }, cycleDate, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name());
        return new ReportTable("totals", "Invoices issued, per currency",
                List.of(text("currency"), count("invoices"), money("revenue"), money("tax"), money("total")), rows);
    }

    /**
     * The issued invoices' lines (tax apart) per currency and plan, as the journal posts them: a
     * plan's usage under the plan; one-time charges, credits without a plan and late fees under
     * their category's name.
     */
    ReportTable revenueByPlan(LocalDate cycleDate) {
        LineAccounts accounts = new LineAccounts(jdbc, properties.gl());
        Map<List<String>, BigDecimal> amounts = new TreeMap<>(RunReport::compareKeys);
        Map<List<String>, Long> lines = new TreeMap<>(RunReport::compareKeys);
        jdbc.query("""
                SELECT i.currency, l.line_type, l.line_key, l.item_plan_code, l.amount
                FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
                WHERE i.cycle_date = ? AND i.status = ? AND i.origin = ? AND l.line_type <> ?""", rs -> {
            LineAccounts.Account account = accounts.of(LineType.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4));
            List<String> key = List.of(rs.getString(1),
                    account.planCode() == null ? account.category().name() : account.planCode());
            amounts.merge(key, rs.getBigDecimal(5), BigDecimal::add);
            lines.merge(key, 1L, Long::sum);
        }, cycleDate, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name(), LineType.TAX.name());
        List<List<Object>> rows = new ArrayList<>();
        amounts.forEach((key, amount) -> rows.add(List.of(key.get(0), key.get(1), lines.get(key), Money.round(amount))));
        return new ReportTable("revenue-by-plan", "Revenue by plan (before tax)",
                List.of(text("currency"), text("plan"), count("lines"), money("amount")), rows);
    }

    /** The issued invoices' revenue (subtotal) per currency and the province or state of the service address. */
    ReportTable revenueByProvince(LocalDate cycleDate) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT i.currency, a.service_country, a.service_region, COUNT(*), SUM(i.subtotal)
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status = ? AND i.origin = ?
                GROUP BY i.currency, a.service_country, a.service_region
                ORDER BY i.currency, a.service_country, a.service_region""", rs -> {
            rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    Money.round(rs.getBigDecimal(5))));
        }, cycleDate, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name());
        return new ReportTable("revenue-by-province", "Revenue by province or state of the service address (before tax)",
                List.of(text("currency"), text("country"), text("province"), count("invoices"), money("amount")), rows);
    }

    /** The issued invoices' tax register per currency, region, jurisdiction (county, city...) and tax. */
    ReportTable taxByJurisdiction(LocalDate cycleDate) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT i.currency, t.region, t.jurisdiction, t.tax_code, COUNT(*), SUM(t.taxable_base), SUM(t.amount)
                FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                WHERE i.cycle_date = ? AND i.status = ? AND i.origin = ?
                GROUP BY i.currency, t.region, t.jurisdiction, t.tax_code
                ORDER BY i.currency, t.region, t.jurisdiction, t.tax_code""", rs -> {
            rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    Money.round(rs.getBigDecimal(6)), Money.round(rs.getBigDecimal(7))));
        }, cycleDate, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name());
        return new ReportTable("tax-by-jurisdiction", "Tax by jurisdiction",
                List.of(text("currency"), text("region"), text("jurisdiction"), text("tax_code"), count("invoices"),
                        money("taxable_base"), money("tax")), rows);
    }

    /**
     * What is owed on the open invoices dated up to {@code asOf} (open amounts as they are now,
     * opening balances included), per currency, by days past due on that day.
     */
    ReportTable ageing(LocalDate asOf) {
        Map<List<String>, BigDecimal> amounts = new TreeMap<>(RunReport::compareKeys);
        Map<List<String>, Long> invoices = new TreeMap<>(RunReport::compareKeys);
        jdbc.query("""
                SELECT i.currency, o.due_date, o.open_amount FROM open_invoice o JOIN invoice i ON i.id = o.id
                WHERE o.invoice_date <= ?""", rs -> {
            AgeingBucket bucket = AgeingBucket.of(rs.getDate(2).toLocalDate(), asOf);
            // the bucket's position keeps the rows in ageing order, its label is what is shown
            List<String> key = List.of(rs.getString(1), String.valueOf(bucket.ordinal()), bucket.label());
            amounts.merge(key, rs.getBigDecimal(3), BigDecimal::add);
            invoices.merge(key, 1L, Long::sum);
        }, asOf);
        List<List<Object>> rows = new ArrayList<>();
        amounts.forEach((key, amount) -> rows.add(List.of(key.get(0), key.get(2), invoices.get(key),
                Money.round(amount))));
        return new ReportTable("ageing", "Receivables by days past due on " + asOf,
                List.of(text("currency"), text("bucket"), count("invoices"), money("amount")), rows);
    }

    /** The same receivables per customer type (residential, commercial...): the billing team chases them apart. */
    ReportTable ageingByCustomerType(LocalDate asOf) {
        Map<List<String>, BigDecimal> amounts = new TreeMap<>(RunReport::compareKeys);
        Map<List<String>, Long> invoices = new TreeMap<>(RunReport::compareKeys);
        jdbc.query("""
                SELECT i.currency, a.customer_type, o.due_date, o.open_amount
                FROM open_invoice o JOIN invoice i ON i.id = o.id JOIN account a ON a.id = o.account_id
                WHERE o.invoice_date <= ?""", rs -> {
            AgeingBucket bucket = AgeingBucket.of(rs.getDate(3).toLocalDate(), asOf);
            List<String> key = List.of(rs.getString(1), rs.getString(2), String.valueOf(bucket.ordinal()), bucket.label());
            amounts.merge(key, rs.getBigDecimal(4), BigDecimal::add);
            invoices.merge(key, 1L, Long::sum);
        }, asOf);
        List<List<Object>> rows = new ArrayList<>();
        amounts.forEach((key, amount) -> rows.add(List.of(key.get(0), key.get(1), key.get(3), invoices.get(key),
                Money.round(amount))));
        return new ReportTable("ageing-by-customer-type", "Receivables by customer type and days past due on " + asOf,
                List.of(text("currency"), text("customer_type"), text("bucket"), count("invoices"), money("amount")),
                rows);
    }

    /**
     * The ageing's totals for a run's summary, a line per currency and customer type, then a line
     * per currency, with every bucket:
     * {@code CAD: not due 60.00 (1), 1-30 days 245.50 (4), 31-60 days 0.00 (0), ...} (amounts owed, invoices).
     */
    public List<String> ageingTotals(LocalDate asOf) {
        List<String> lines = new ArrayList<>();
        Map<String, Map<String, List<Object>>> byType = new TreeMap<>();
        for (List<Object> row : ageingByCustomerType(asOf).rows()) {
            byType.computeIfAbsent(row.get(0) + " " + row.get(1), k -> new java.util.HashMap<>())
                    .put((String) row.get(2), row.subList(2, 5));
        }
        byType.forEach((group, buckets) -> lines.add(group + ": " + bucketParts(buckets)));
        Map<String, Map<String, List<Object>>> byCurrency = new TreeMap<>();
        for (List<Object> row : ageing(asOf).rows()) {
            byCurrency.computeIfAbsent((String) row.get(0), c -> new java.util.HashMap<>()).put((String) row.get(1), row.subList(1, 4));
        }
        byCurrency.forEach((currency, buckets) -> lines.add(currency + ": " + bucketParts(buckets)));
        return lines;
    }

    /** Every bucket in order, {@code label amount (invoices)}, from rows of label, invoices, amount. */
    private static String bucketParts(Map<String, List<Object>> buckets) {
        List<String> parts = new ArrayList<>();
        for (AgeingBucket bucket : AgeingBucket.values()) {
            List<Object> row = buckets.get(bucket.label());
            parts.add(bucket.label() + " " + (row == null ? "0.00 (0)"
                    : ((BigDecimal) row.get(2)).toPlainString() + " (" + row.get(1) + ")"));
        }
        return String.join(", ", parts);
    }

    /** The notices of the day (notice outbox) per kind, channel and status: SENT, PENDING (tried again), ATTENTION. */
    ReportTable notices(LocalDate date) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT kind, channel, status, COUNT(*) FROM notice WHERE notice_date = ?
                GROUP BY kind, channel, status ORDER BY kind, channel, status""", rs -> {
            rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }, date);
        return new ReportTable("notices", "Notices of " + date,
                List.of(text("kind"), text("channel"), text("status"), count("notices")), rows);
    }

    /** The outbox rows of the cycle's invoices per channel and status. */
    ReportTable deliveries(LocalDate cycleDate) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT d.channel, d.status, COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                WHERE i.cycle_date = ? GROUP BY d.channel, d.status ORDER BY d.channel, d.status""", rs -> {
            rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }, cycleDate);
        return new ReportTable("deliveries", "Deliveries by channel and status",
                List.of(text("channel"), text("status"), count("deliveries")), rows);
    }

    /**
     * The rejected lines of the files read in the window ({@code kind}: only that kind of file;
     * null: every kind), from their reject files, per source, field and reason. The reason is
     * the reject's text before its first ':' (the rule broken, without the value that broke it),
     * so that one bar counts one kind of mistake.
     */
    ReportTable rejects(RunWindow window, String kind) {
        Map<List<String>, Long> lines = new TreeMap<>(RunReport::compareKeys);
        jdbc.query("""
                SELECT kind, file_name, sha256 FROM ingested_file
                WHERE rejected > 0 AND ingested_at BETWEEN ? AND ? ORDER BY id""", rs -> {
            String fileKind = rs.getString(1);
            if (kind != null && !kind.equals(fileKind)) {
                return;
            }
            Path file = rejectFile(rs.getString(2), rs.getString(3));
            if (file == null) {
                log.warn("Run report: no reject file for {} {} in {}", fileKind, rs.getString(2), properties.rejects());
                return;
            }
            for (CSVRecord reject : read(file)) {
                String field = reject.get("field");
                lines.merge(List.of(fileKind, field.isEmpty() ? "(line)" : field, reasonOf(reject.get("reason"))), 1L,
                        Long::sum);
            }
        }, window.from(), window.to());
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach((key, n) -> rows.add(List.of(key.get(0), key.get(1), key.get(2), n)));
        return new ReportTable("rejects", "Rejected lines by reason",
                List.of(text("source"), text("field"), text("reason"), count("lines")), rows);
    }

    /** "not a whole number: 'x'" -> "not a whole number"; a reason with no ':' as it is. */
    static String reasonOf(String reason) {
        int colon = reason.indexOf(':');
        String rule = colon > 0 ? reason.substring(0, colon) : reason;
        return rule.length() > 80 ? rule.substring(0, 80) : rule.strip();
    }

    /**
     * The reject file of an ingested file: {@code <name>.<sha8>.rejects.csv} when another content
     * had taken the name, else {@code <name>.rejects.csv} (InboxFileTasklet.FileNames).
     */
    private Path rejectFile(String fileName, String sha256) {
        try {
            Path named = FolderGuard.resolve(properties.rejects(), fileName + "." + sha256.substring(0, 8) + ".rejects.csv");
            if (Files.isRegularFile(named, LinkOption.NOFOLLOW_LINKS)) {
                return named;
            }
            Path plain = FolderGuard.resolve(properties.rejects(), fileName + ".rejects.csv");
            return Files.isRegularFile(plain, LinkOption.NOFOLLOW_LINKS) ? plain : null;
        } catch (IllegalArgumentException e) {
            return null; // a name that would leave the folder is no reject file of ours
        }
    }

    private static List<CSVRecord> read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return parser.getRecords();
        } catch (IOException e) {
            log.warn("Run report: cannot read {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Each step run of the runs, in order, with its time in seconds and its counts (CycleReport.stepTimes). */
    static ReportTable stepTimes(List<JobExecution> executions) {
        List<List<Object>> rows = new ArrayList<>();
        for (CycleReport.StepTime t : CycleReport.stepTimes(executions)) {
            rows.add(List.of(t.step(), (long) t.run(), t.status(),
                    BigDecimal.valueOf(t.seconds()).setScale(1, java.math.RoundingMode.HALF_UP), t.read(), t.written(),
                    t.skipped()));
        }
        return new ReportTable("step-times", "Step times (seconds)",
                List.of(text("step"), count("run"), text("status"), rate("seconds"), count("read"), count("written"),
                        count("skipped")), rows);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
