package ca.isp.billing.jobs.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.AgeingBucket;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.accounting.LineAccounts;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.ReportDocuments;
import ca.isp.billing.writers.ReportTable;

import static ca.isp.billing.writers.ReportTable.count;
import static ca.isp.billing.writers.ReportTable.date;
import static ca.isp.billing.writers.ReportTable.money;
import static ca.isp.billing.writers.ReportTable.rate;
import static ca.isp.billing.writers.ReportTable.text;

/**
 * The office's reports on demand ({@code run.sh report}) over a period [from, to], read from
 * the issued invoices, their lines and tax register, the payments and their reversals, the
 * write-offs and the open invoices, as
 * tables written as CSV, HTML or XLSX under {@code out/reports/management/}.
 */
@Component
public class ManagementReports {

    /** The reports, by the name the command line takes. */
    public enum Kind {
        REVENUE, TAX, AGEING, PAYMENTS, PAYMENT_TOTALS, INVOICES, WRITE_OFFS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String name) {
            return Arrays.stream(values()).filter(k -> k.label().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown report '" + name
                            + "': revenue, tax, ageing, payments, payment_totals, invoices or write_offs"));
        }
    }

    public enum Format { CSV, HTML, XLSX }

    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final TaxLiabilityReport taxReport;

    public ManagementReports(JdbcTemplate jdbc, BillingProperties properties, TaxLiabilityReport taxReport) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.taxReport = taxReport;
    }

    public ReportTable table(Kind kind, LocalDate from, LocalDate to) {
        return switch (kind) {
            case REVENUE -> revenue(from, to);
            case TAX -> tax(from, to);
            case AGEING -> ageing(to);
            case PAYMENTS -> payments(from, to);
            case PAYMENT_TOTALS -> paymentTotals(from, to);
            case INVOICES -> invoices(from, to);
            case WRITE_OFFS -> writeOffs(from, to);
        };
    }

    /**
     * Writes the reports in one format: CSV a file per report ({@code <report>-<from>-<to>.csv}),
     * HTML and XLSX one file for all ({@code <reports joined by '-'>-<from>-<to>.html|.xlsx}, an
     * XLSX sheet per report). Owner-only, replaced whole. Returns the files.
     */
    public List<Path> write(List<Kind> kinds, LocalDate from, LocalDate to, Format format) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        List<ReportTable> tables = kinds.stream().map(k -> table(k, from, to)).toList();
        Path folder = properties.out().resolve("reports").resolve("management");
        String period = from + "-" + to;
        List<Path> files = new ArrayList<>();
        switch (format) {
            case CSV -> tables.forEach(t -> files.add(AtomicFiles.write(folder, t.name() + "-" + period + ".csv",
                    ReportDocuments.csv(t))));
            case HTML -> files.add(AtomicFiles.write(folder, names(tables) + "-" + period + ".html",
                    ReportDocuments.html("Reports " + from + " to " + to, tables)));
            case XLSX -> files.add(AtomicFiles.write(folder, names(tables) + "-" + period + ".xlsx",
                    ReportDocuments.xlsx(tables)));
        }
        return files;
    }

    private static String names(List<ReportTable> tables) {
        return String.join("-", tables.stream().map(ReportTable::name).toList());
    }

    /**
     * Revenue of the issued invoices dated in the period, per currency, category (REVENUE,
     * ONE_TIME, CREDIT, LATE_FEE), plan and GL account, as the journal posts it; tax is apart.
     */
    ReportTable revenue(LocalDate from, LocalDate to) {
        LineAccounts accounts = new LineAccounts(jdbc, properties.gl());
        record Key(String currency, String category, String plan, String gl) implements Comparable<Key> {
            public int compareTo(Key o) {
                return (currency + category + plan + gl).compareTo(o.currency + o.category + o.plan + o.gl);
            }
        }
        Map<Key, BigDecimal> amounts = new TreeMap<>();
        Map<Key, Long> lines = new TreeMap<>();
        jdbc.query("""
                SELECT i.currency, l.line_type, l.line_key, l.item_plan_code, l.amount
                FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
                WHERE i.status = ? AND i.origin = ? AND i.invoice_date BETWEEN ? AND ? AND l.line_type <> ?""", rs -> {
                    LineAccounts.Account account = accounts.of(LineType.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4));
                    Key key = new Key(rs.getString(1), account.category().name(),
                            account.planCode() == null ? "" : account.planCode(), account.glAccount());
                    amounts.merge(key, rs.getBigDecimal(5), BigDecimal::add);
                    lines.merge(key, 1L, Long::sum);
                }, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name(), from, to, LineType.TAX.name());
        List<List<Object>> rows = new ArrayList<>();
        amounts.forEach((key, amount) -> rows.add(List.of(key.currency(), key.category(), key.plan(), key.gl(),
                lines.get(key), Money.round(amount))));
        return new ReportTable("revenue", "Revenue by plan and GL account, invoices dated " + from + " to " + to,
                List.of(text("currency"), text("category"), text("plan_code"), text("gl_account"), count("lines"),
                        money("amount")), rows);
    }

    /** The tax liability report's rows (TaxLiabilityReport). */
    ReportTable tax(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (TaxLiabilityReport.Row r : taxReport.rows(from, to)) {
            rows.add(Arrays.asList(r.currency(), r.country(), r.region(), r.jurisdiction(), r.taxCode(), r.rate(),
                    r.taxableBase(), r.exemptBase(), r.taxCollected(), r.invoiceCount()));
        }
        return new ReportTable("tax", "Tax collected, invoices dated " + from + " to " + to,
                List.of(text("currency"), text("country"), text("region"), text("jurisdiction"), text("tax_code"),
                        rate("rate"), money("taxable_base"), money("exempt_base"), money("tax_collected"),
                        count("invoice_count")), rows);
    }

    /**
     * What each account owes on its open invoices dated up to {@code asOf} (open amounts as they
     * are now), by days past due on that date: not yet due, 1-30, 31-60, 61-90, over 90.
     */
    ReportTable ageing(LocalDate asOf) {
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        Map<String, String> currencies = new TreeMap<>();
        Map<String, LocalDate> oldest = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        jdbc.query("""
                SELECT a.account_number, i.currency, o.due_date, o.open_amount, a.customer_type
                FROM open_invoice o JOIN invoice i ON i.id = o.id JOIN account a ON a.id = o.account_id
                WHERE o.invoice_date <= ?""", rs -> {
                    String account = rs.getString(1) + " " + rs.getString(2);
                    LocalDate due = rs.getDate(3).toLocalDate();
                    int bucket = AgeingBucket.of(due, asOf).ordinal();
                    BigDecimal[] sums = byAccount.computeIfAbsent(account, k -> zeros());
                    sums[bucket] = sums[bucket].add(rs.getBigDecimal(4));
                    currencies.put(account, rs.getString(2));
                    oldest.merge(account, due, (x, y) -> x.isBefore(y) ? x : y);
                    types.put(account, rs.getString(5));
                }, asOf);
        List<List<Object>> rows = new ArrayList<>();
        byAccount.forEach((account, sums) -> {
            List<Object> row = new ArrayList<>();
            row.add(account.substring(0, account.indexOf(' ')));
            row.add(currencies.get(account));
            BigDecimal total = Money.ZERO;
            for (BigDecimal sum : sums) {
                row.add(Money.round(sum));
                total = total.add(Money.round(sum));
            }
            row.add(total);
            row.add(oldest.get(account));
            row.add(types.get(account));
            rows.add(row);
        });
        return new ReportTable("ageing", "Receivables by days past due on " + asOf,
                List.of(text("account_number"), text("currency"), money("not_due"), money("days_1_30"),
                        money("days_31_60"), money("days_61_90"), money("days_over_90"), money("total"),
                        date("oldest_due_date"), text("customer_type")), rows);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[5];
        Arrays.fill(sums, Money.ZERO);
        return sums;
    }

    /** A payment received or a reversal of one, as the payments report lists it (kind PAYMENT or REVERSAL). */
    private record Receipt(LocalDate on, String ref, String account, String method, String currency, String kind,
                         BigDecimal amount, BigDecimal unapplied, String reverses, String reason) {
    }

    /**
     * The money of the period: payments received (kind PAYMENT) and reversals of payments
     * (REVERSAL: an NSF cheque, a chargeback) dated in the period, in date order. A reversal is a
     * row of its own with minus the payment's amount, the payment it reverses and the reason, so
     * the amounts sum to what the period kept: received - reversed = net (payment_totals). A
     * reversal of money still in suspense is not here: that money never became a payment.
     */
    private List<Receipt> receipts(LocalDate from, LocalDate to) {
        List<Receipt> receipts = new ArrayList<>();
        jdbc.query("""
                SELECT p.received_on, p.payment_ref, a.account_number, p.method, a.service_country, p.amount, p.unapplied
                FROM payment p JOIN account a ON a.id = p.account_id
                WHERE p.received_on BETWEEN ? AND ?""", rs -> {
                    receipts.add(new Receipt(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                            currency(rs.getString(5)), PAYMENT, Money.round(rs.getBigDecimal(6)),
                            Money.round(rs.getBigDecimal(7)), null, null));
                }, from, to);
        jdbc.query("""
                SELECT r.received_on, r.reversal_ref, a.account_number, p.method, a.service_country, r.amount,
                    r.original_ref, r.reason
                FROM payment_reversal r JOIN payment p ON p.id = r.payment_id JOIN account a ON a.id = p.account_id
                WHERE r.received_on BETWEEN ? AND ?""", rs -> {
                    receipts.add(new Receipt(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                            currency(rs.getString(5)), REVERSAL, Money.round(rs.getBigDecimal(6).abs().negate()),
                            null, rs.getString(7), rs.getString(8)));
                }, from, to);
        receipts.sort(java.util.Comparator.comparing(Receipt::on).thenComparing(Receipt::ref));
        return receipts;
    }

    private static final String PAYMENT = "PAYMENT";
    private static final String REVERSAL = "REVERSAL";

    private static String currency(String serviceCountry) {
        return ca.isp.billing.domain.BillingCurrency.forServiceCountry(serviceCountry).name();
    }

    /** Payments received and payment reversals in the period, in the account's billing currency (receipts()). */
    ReportTable payments(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (Receipt m : receipts(from, to)) {
            rows.add(Arrays.asList(m.on(), m.ref(), m.account(), m.method(), m.currency(), m.amount(), m.unapplied(),
                    m.kind(), m.reverses(), m.reason()));
        }
        return new ReportTable("payments", "Payments received and reversed " + from + " to " + to,
                List.of(date("received_on"), text("payment_ref"), text("account_number"), text("method"),
                        text("currency"), money("amount"), money("unapplied"), text("kind"), text("reverses"),
                        text("reversal_reason")), rows);
    }

    /**
     * The payments report's totals per currency: received (the payments), reversed (the reversals,
     * as a positive amount) and net = received - reversed, the sum of the report's amounts.
     */
    ReportTable paymentTotals(LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        for (Receipt m : receipts(from, to)) {
            BigDecimal[] s = sums.computeIfAbsent(m.currency(), k -> new BigDecimal[]{Money.ZERO,
                    Money.ZERO});
            long[] c = counts.computeIfAbsent(m.currency(), k -> new long[2]);
            int i = m.kind().equals(PAYMENT) ? 0 : 1;
            s[i] = s[i].add(m.amount().abs());
            c[i]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        sums.forEach((currency, s) -> rows.add(List.of(currency, counts.get(currency)[0], s[0], counts.get(currency)[1],
                s[1], s[0].subtract(s[1]))));
        return new ReportTable("payment_totals", "Payments received, reversed and net " + from + " to " + to,
                List.of(text("currency"), count("payments"), money("received"), count("reversals"), money("reversed"),
                        money("net")), rows);
    }

    /**
     * Issued invoices dated in the period (billed ones; opening balances are the previous system's):
     * what each asked, and what became of it as of now: paid, written off (write_off, on which day)
     * and still open, total = paid + written off + open; and the account's status (WRITTEN_OFF: no
     * longer invoiced). One row per invoice: an invoice written off again (a returned payment on a
     * written-off account) shows its last write-off's day.
     */
    ReportTable invoices(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT i.invoice_number, a.account_number, i.invoice_date, i.due_date, i.currency, i.subtotal,
                    i.tax_total, i.total, i.amount_paid, i.amount_due, i.amount_written_off,
                    (SELECT MAX(w.written_off_on) FROM write_off w WHERE w.invoice_id = i.id), a.status
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.status = ? AND i.origin = ? AND i.invoice_date BETWEEN ? AND ?
                ORDER BY i.invoice_number""", rs -> {
                    rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5),
                            Money.round(rs.getBigDecimal(6)), Money.round(rs.getBigDecimal(7)),
                            Money.round(rs.getBigDecimal(8)), Money.round(rs.getBigDecimal(9)),
                            Money.round(rs.getBigDecimal(10)), Money.round(rs.getBigDecimal(11)),
                            Money.round(rs.getBigDecimal(8).subtract(rs.getBigDecimal(9)).subtract(rs.getBigDecimal(11))),
                            rs.getDate(12) == null ? null : rs.getDate(12).toLocalDate(), rs.getString(13)));
                }, InvoiceStatus.ISSUED.name(), InvoiceOrigin.BILLED.name(), from, to);
        return new ReportTable("invoices", "Invoices dated " + from + " to " + to,
                List.of(text("invoice_number"), text("account_number"), date("invoice_date"), date("due_date"),
                        text("currency"), money("subtotal"), money("tax_total"), money("total"), money("amount_paid"),
                        money("amount_due"), money("amount_written_off"), money("open_amount"), date("written_off_on"),
                        text("account_status")), rows);
    }

    /**
     * The write-offs made in the period (write_off, by the collections job's writeOffs step), of any
     * invoice (opening balances included): what was open on it and closed as bad debt.
     */
    ReportTable writeOffs(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                SELECT w.written_off_on, w.reference, i.invoice_number, a.account_number, a.status, i.currency,
                    w.due_date, w.amount
                FROM write_off w JOIN invoice i ON i.id = w.invoice_id JOIN account a ON a.id = w.account_id
                WHERE w.written_off_on BETWEEN ? AND ? ORDER BY w.written_off_on, w.reference""", rs -> {
                    rows.add(Arrays.asList(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                            Money.round(rs.getBigDecimal(8))));
                }, from, to);
        return new ReportTable("write_offs", "Write-offs " + from + " to " + to,
                List.of(date("written_off_on"), text("reference"), text("invoice_number"), text("account_number"),
                        text("account_status"), text("currency"), date("due_date"), money("amount")), rows);
    }
}
