package ca.isp.billing.jobs.accounting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.Journal;
import ca.isp.billing.domain.JournalCategory;
import ca.isp.billing.domain.JournalLine;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.files.SpreadsheetCells;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.PaymentWindow;
import ca.isp.billing.writers.AtomicFiles;

/**
 * The accounting export: general-ledger journal entries, one per issued invoice and per payment,
 * posted once by the first billing run after they exist ({@code journal_posting}) and written as
 * CSV beside the run summary (docs/FILE-FORMATS.md, "Journal"). An invoice debits receivables
 * with its total and credits each of its lines to the account of its plan, tax, late fee, one-time
 * charge or credit; a payment debits cash and credits receivables (a returned payment the other
 * way round); a write-off debits bad debt and credits receivables; a bad-debt recovery (a payment on
 * a written-off account) reinstates the receivable (receivables debited, bad-debt recovery
 * credited) and the payment then books cash against it; money in payment suspense debits cash and
 * credits unapplied cash on receipt, and unapplied cash is debited when it is assigned (receivables
 * credited) or returned (cash credited). Every line comes from a row of
 * an invoice, a payment, a write-off, a reversal or a suspense line: there is no balancing line, and a journal whose entries do not balance
 * is refused (the run fails) before anything is written.
 */
@Component
public class JournalExport {

    public static final List<String> COLUMNS = List.of("entry_date", "source_type", "source_ref", "line_ref",
            "account_number", "gl_account", "category", "plan_code", "tax_code", "jurisdiction", "currency",
            "debit", "credit");

    static final String RECEIVABLE = "RECEIVABLE";
    static final String CASH = "CASH";
    static final String BAD_DEBT = "BAD_DEBT";
    static final String UNAPPLIED_CASH = "UNAPPLIED_CASH";
    static final String BAD_DEBT_RECOVERY = "BAD_DEBT_RECOVERY";

    private final JdbcTemplate jdbc;
    private final BillingProperties properties;
    private final JobRepository repository;

    public JournalExport(JdbcTemplate jdbc, BillingProperties properties, JobRepository repository) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.repository = repository;
    }

    /** A written journal file: the run it belongs to, what its journal posts and where it is. */
    public record Written(LocalDate cycleDate, int rerun, Journal.Totals journal, Path file) {
    }

    /** Invoices (or payments) whose lines are built, checked and written at a time. */
    private static final int PAGE = 500;

    /**
     * A page of one source type: its postings from the first reference to the last. On the posting's
     * own reference (every query joins its source on it), so the page is a range of the posting's
     * primary key (source_type, source_ref), whatever the source table's indexes.
     */
    private static final String PAGE_RANGE = " AND j.source_ref BETWEEN ? AND ?";

    /**
     * Marks every issued invoice (billed by a cycle up to this one; opening balances are the
     * previous system's) that the review gate let go (cleared, or released by an operator), and
     * every payment of the cycle's window or before (PaymentWindow), that no journal posted yet as posted by this run: rerun 0 is the cycle's own
     * run. An invoice held for review is posted by the run after its release, and one voided while
     * held never (it never asked for anything: a void cancels it whole). Returns how many sources it
     * posted. Runs in the caller's transaction. (What existed when the database was upgraded to the
     * export is marked posted by rerun -1: in the books already.)
     */
    public int post(LocalDate cycleDate, int rerun) {
        java.sql.Timestamp window = PaymentWindow.of(repository, cycleDate).upTo();
        int invoices = postNew(JournalLine.INVOICE, cycleDate, rerun, "i.invoice_number", """
                invoice i WHERE i.origin = ? AND i.invoice_number IS NOT NULL AND i.status = ?
                  AND i.review_status IN (?, ?) AND (i.cycle_date IS NULL OR i.cycle_date <= ?)""",
                InvoiceOrigin.BILLED.name(), InvoiceStatus.ISSUED.name(), "CLEARED", "RELEASED", cycleDate);
        // payments up to the end of the cycle's window: an old cycle's rerun does not post what
        // collections or a later cycle applied after it (PaymentWindow)
        int payments = postNew(JournalLine.PAYMENT, cycleDate, rerun, "p.payment_ref",
                "payment p JOIN ingested_file f ON f.id = p.file_id WHERE f.ingested_at <= ?", window);
        // write-offs made by the collections job since: posted by the next billing run, as payments
        int writeOffs = postNew(JournalLine.WRITE_OFF, cycleDate, rerun, "w.reference",
                "write_off w WHERE w.written_off_on <= ?", cycleDate);
        // returned payments, in the same window as payments (one still in suspense takes back what its
        // receipt booked as unapplied cash)
        int reversals = postNew(JournalLine.REVERSAL, cycleDate, rerun, "r.reversal_ref",
                "payment_reversal r JOIN ingested_file f ON f.id = r.file_id WHERE f.ingested_at <= ?", window);
        // money received into suspense, in the same window as payments (booked as unapplied cash)
        int suspense = postNew(JournalLine.SUSPENSE, cycleDate, rerun, "s.payment_ref",
                "payment_suspense s JOIN ingested_file f ON f.id = s.file_id WHERE f.ingested_at <= ?", window);
        // bad-debt recoveries of the payments above (their RECOVERY ledger entries), in the same window
        int recoveries = postNew(JournalLine.RECOVERY, cycleDate, rerun, "l.reference", """
                account_ledger l JOIN payment p ON p.payment_ref = l.reference JOIN ingested_file f ON f.id = p.file_id
                WHERE l.entry_type = ? AND f.ingested_at <= ?""", LedgerEntryType.RECOVERY.name(), window);
        // closed accounts' credits paid back (close-account --refund) since: posted by the next billing run
        int refunds = postNew(JournalLine.REFUND, cycleDate, rerun, "r.reference", "refund r WHERE r.refunded_on <= ?",
                cycleDate);
        return invoices + payments + writeOffs + reversals + suspense + recoveries + refunds;
    }

    /**
     * Marks posted by this run the sources of one type that {@code fromWhere} selects (a FROM clause
     * and its WHERE, with {@code args}) and no run posted yet: one journal_posting row per source.
     */
    private int postNew(String sourceType, LocalDate cycleDate, int rerun, String reference, String fromWhere,
                        Object... args) {
        Object[] all = new Object[args.length + 4];
        all[0] = sourceType;
        all[1] = cycleDate;
        all[2] = rerun;
        System.arraycopy(args, 0, all, 3, args.length);
        all[all.length - 1] = sourceType;
        return jdbc.update("INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun)\nSELECT ?, "
                + reference + ", ?, ? FROM " + fromWhere + "\n  AND NOT EXISTS (SELECT 1 FROM journal_posting j"
                + " WHERE j.source_type = ? AND j.source_ref = " + reference + ")", all);
    }

    /** The runs of a cycle that posted something, in order (0 = the cycle's own run). */
    public List<Integer> postedRuns(LocalDate cycleDate) {
        return jdbc.queryForList("SELECT DISTINCT rerun FROM journal_posting WHERE cycle_date = ? AND rerun >= 0 ORDER BY rerun",
                Integer.class, cycleDate);
    }

    /** The journal of what a run posted, checked: every entry's debits equal its credits. */
    public Journal journal(LocalDate cycleDate, int rerun) {
        List<JournalLine> lines = new ArrayList<>(invoiceLines(LineAccounts.plansOnly(jdbc, properties.gl()), cycleDate,
                rerun, ""));
        lines.addAll(paymentLines(cycleDate, rerun, ""));
        lines.addAll(writeOffLines(cycleDate, rerun, ""));
        lines.addAll(reversalLines(cycleDate, rerun, ""));
        lines.addAll(suspenseLines(cycleDate, rerun, ""));
        lines.addAll(recoveryLines(cycleDate, rerun, ""));
        lines.addAll(refundLines(cycleDate, rerun, ""));
        return Journal.balanced(lines);
    }

    /**
     * Writes the run's journal, {@code journal.csv} or {@code journal-rerun-<n>.csv}, owner-only,
     * replaced whole. Built, checked and written a page of entries at a time, in the order of
     * {@link #journal}: memory holds a page, not the cycle's lines. An entry that does not
     * balance fails the whole file (nothing is written), naming every such entry.
     */
    public Written write(LocalDate cycleDate, int rerun) {
        Journal.Totals totals = new Journal.Totals();
        List<String> unbalanced = new ArrayList<>();
        // the plans' accounts once for the whole file; each page asks for the subscriptions it needs
        LineAccounts planAccounts = LineAccounts.plansOnly(jdbc, properties.gl());
        Path file = AtomicFiles.write(folder(cycleDate), fileName(rerun), out -> {
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), csvFormat());
            for (String type : List.of(JournalLine.INVOICE, JournalLine.PAYMENT, JournalLine.WRITE_OFF,
                    JournalLine.REVERSAL, JournalLine.SUSPENSE, JournalLine.RECOVERY,
                    JournalLine.REFUND)) {
                String after = "";
                while (true) {
                    List<String> refs = jdbc.queryForList("""
                            SELECT source_ref FROM journal_posting WHERE source_type = ? AND cycle_date = ? AND rerun = ?
                              AND source_ref > ? ORDER BY source_ref LIMIT\s""" + PAGE, String.class, type, cycleDate,
                            rerun, after);
                    if (refs.isEmpty()) {
                        break;
                    }
                    String first = refs.get(0);
                    after = refs.get(refs.size() - 1);
                    List<JournalLine> lines = switch (type) {
                        case JournalLine.INVOICE ->
                                invoiceLines(planAccounts, cycleDate, rerun, PAGE_RANGE, first, after);
                        case JournalLine.PAYMENT ->
                                paymentLines(cycleDate, rerun, PAGE_RANGE, first, after);
                        case JournalLine.WRITE_OFF ->
                                writeOffLines(cycleDate, rerun, PAGE_RANGE, first, after);
                        case JournalLine.REVERSAL ->
                                reversalLines(cycleDate, rerun, PAGE_RANGE, first, after);
                        case JournalLine.SUSPENSE ->
                                suspenseLines(cycleDate, rerun, PAGE_RANGE, first, after);
                        case JournalLine.REFUND ->
                                refundLines(cycleDate, rerun, PAGE_RANGE, first, after);
                        default -> recoveryLines(cycleDate, rerun, PAGE_RANGE, first, after);
                    };
                    unbalanced.addAll(Journal.unbalancedEntries(lines));
                    for (JournalLine line : lines) {
                        print(printer, line);
                        totals.add(line);
                    }
                }
            }
            printer.flush();
            if (!unbalanced.isEmpty()) {
                throw new Journal.UnbalancedJournalException(unbalanced);
            }
        });
        return new Written(cycleDate, rerun, totals, file);
    }

    /** Writes again the journal of every run of the cycle that posted something (on demand). */
    public List<Written> writeAll(LocalDate cycleDate) {
        List<Written> written = new ArrayList<>();
        for (int rerun : postedRuns(cycleDate)) {
            written.add(write(cycleDate, rerun));
        }
        return written;
    }

    /** Beside the run summary: {@code out/reports/<cycle>/}. */
    public Path folder(LocalDate cycleDate) {
        return properties.reports(cycleDate);
    }

    public static String fileName(int rerun) {
        return rerun == 0 ? "journal.csv" : "journal-rerun-" + rerun + ".csv";
    }

    /** The lines of the invoices the run posted, those {@code range} (with its two values) keeps. */
    private List<JournalLine> invoiceLines(LineAccounts planAccounts, LocalDate cycleDate, int rerun, String range,
                                           Object... bounds) {
        Object[] args = args(new Object[]{JournalLine.INVOICE, cycleDate, rerun}, bounds);
        BillingProperties.Gl gl = properties.gl();
        Map<String, TaxPlace> taxes = new HashMap<>();
        jdbc.query("""
                SELECT t.invoice_id, t.tax_code, t.country, t.region, t.jurisdiction,
                    (SELECT MAX(r.gl_account) FROM tax_rate r
                     WHERE r.country = t.country AND r.region = t.region AND r.jurisdiction = t.jurisdiction
                       AND r.tax_code = t.tax_code AND r.effective_from <= i.invoice_date
                       AND (r.effective_to IS NULL OR r.effective_to >= i.invoice_date))
                FROM journal_posting j JOIN invoice i ON i.invoice_number = j.source_ref
                JOIN tax_line t ON t.invoice_id = i.id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, rs -> {
                    String jurisdiction = rs.getString(3) + "/" + rs.getString(4)
                            + (rs.getString(5).isEmpty() ? "" : "/" + rs.getString(5));
                    taxes.put(rs.getLong(1) + " " + rs.getString(2), new TaxPlace(jurisdiction, rs.getString(6)));
                }, args);

        Map<Long, List<JournalLine>> byInvoice = new java.util.LinkedHashMap<>();
        Map<Long, InvoiceHead> heads = new HashMap<>();
        jdbc.query("""
                SELECT i.id, i.invoice_number, i.invoice_date, i.currency, i.total, a.account_number
                FROM journal_posting j JOIN invoice i ON i.invoice_number = j.source_ref
                JOIN account a ON a.id = i.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range + """

                ORDER BY i.invoice_number""", rs -> {
                    InvoiceHead head = new InvoiceHead(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                            rs.getString(6));
                    BigDecimal total = rs.getBigDecimal(5);
                    if (total == null) {
                        throw new IllegalStateException("issued invoice " + head.number() + " has no total");
                    }
                    heads.put(rs.getLong(1), head);
                    List<JournalLine> lines = new ArrayList<>();
                    lines.add(head.line(RECEIVABLE, gl.receivables(), JournalCategory.RECEIVABLE, null, null, null,
                            Money.round(total)));
                    byInvoice.put(rs.getLong(1), lines);
                }, args);
        List<InvoiceLineRow> invoiceLines = new ArrayList<>();
        jdbc.query("""
                SELECT l.invoice_id, l.line_type, l.line_key, l.amount, l.item_plan_code
                FROM journal_posting j JOIN invoice i ON i.invoice_number = j.source_ref
                JOIN invoice_line l ON l.invoice_id = i.id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range + """

                ORDER BY l.invoice_id, l.line_no""", rs -> {
                    invoiceLines.add(new InvoiceLineRow(rs.getLong(1), new LineAccounts.Line(
                            LineType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(5)), rs.getBigDecimal(4)));
                }, args);
        LineAccounts accounts = planAccounts.knowingSubscriptionsOf(jdbc,
                invoiceLines.stream().map(InvoiceLineRow::line).toList());
        for (InvoiceLineRow row : invoiceLines) {
            InvoiceHead head = heads.get(row.invoiceId());
            LineType type = row.line().type();
            String key = row.line().key();
            // an invoice line is a credit to its account: the negated amount (a CREDIT line, negative, is a debit)
            BigDecimal amount = Money.round(row.amount()).negate();
            JournalLine line;
            if (type == LineType.TAX) {
                String taxCode = key.substring(key.indexOf(':') + 1);
                TaxPlace place = taxes.get(row.invoiceId() + " " + taxCode);
                if (place == null) {
                    throw new IllegalStateException("invoice " + head.number() + " has the tax line " + key
                            + " but no entry in the tax register");
                }
                line = head.line(key, LineAccounts.or(place.glAccount(), gl.taxPayable()),
                        JournalCategory.TAX_PAYABLE, null, taxCode, place.jurisdiction(), amount);
            } else {
                LineAccounts.Account account = accounts.of(type, key, row.line().itemPlanCode());
                line = head.line(key, account.glAccount(), account.category(), account.planCode(), null, null,
                        amount);
            }
            byInvoice.get(row.invoiceId()).add(line);
        }
        return byInvoice.values().stream().flatMap(List::stream).toList();
    }

    /** An invoice line as read, before its account is known. */
    private record InvoiceLineRow(long invoiceId, LineAccounts.Line line, BigDecimal amount) {
    }

    /** One line of a two-line entry: what it books (its line reference), its GL account and category. */
    private record Side(String lineRef, String glAccount, JournalCategory category) {
    }

    private Side cash() {
        return new Side(CASH, properties.gl().cash(), JournalCategory.CASH);
    }

    private Side receivable() {
        return new Side(RECEIVABLE, properties.gl().receivables(), JournalCategory.RECEIVABLE);
    }

    private Side unappliedCash() {
        return new Side(UNAPPLIED_CASH, properties.gl().unappliedCash(), JournalCategory.UNAPPLIED_CASH);
    }

    /**
     * A payment's entry: cash debited, receivables credited; a payment assigned from suspense (whose
     * receipt a run journalled as unapplied cash) debits unapplied cash instead, on the day it was
     * assigned.
     */
    private List<JournalLine> paymentLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        List<JournalLine> lines = new ArrayList<>(twoLineEntries(JournalLine.PAYMENT, """
                SELECT p.payment_ref, p.received_on, p.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN payment p ON p.payment_ref = j.source_ref
                JOIN account a ON a.id = p.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ? AND NOT\s""" + VIA_SUSPENSE + range,
                "p.payment_ref", cash(), receivable(), cycleDate, rerun, bounds));
        lines.addAll(twoLineEntries(JournalLine.PAYMENT, """
                SELECT p.payment_ref, CAST(s.assigned_at AS DATE), p.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN payment p ON p.payment_ref = j.source_ref
                JOIN account a ON a.id = p.account_id JOIN payment_suspense s ON s.payment_id = p.id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ? AND\s""" + VIA_SUSPENSE + range,
                "p.payment_ref", unappliedCash(), receivable(), cycleDate, rerun, bounds));
        return bySource(lines);
    }

    /** The payment {@code p} came through suspense, and a run journalled its receipt (as unapplied cash). */
    private static final String VIA_SUSPENSE = """
            EXISTS (SELECT 1 FROM payment_suspense vs JOIN journal_posting vj ON vj.source_type = 'SUSPENSE'
                    AND vj.source_ref = vs.payment_ref WHERE vs.payment_id = p.id AND vj.rerun >= 0)""";

    /** A write-off debits the bad-debt expense and credits receivables with what was left open. */
    private List<JournalLine> writeOffLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        return twoLineEntries(JournalLine.WRITE_OFF, """
                SELECT w.reference, w.written_off_on, w.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN write_off w ON w.reference = j.source_ref
                JOIN account a ON a.id = w.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, "w.reference",
                new Side(BAD_DEBT, properties.gl().badDebt(), JournalCategory.BAD_DEBT), receivable(), cycleDate, rerun,
                bounds);
    }

    /**
     * A returned payment: receivables debited (owed again), cash credited (the bank took it back). A
     * payment returned while in suspense was never a customer's: unapplied cash debited instead.
     */
    private List<JournalLine> reversalLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        List<JournalLine> lines = new ArrayList<>(twoLineEntries(JournalLine.REVERSAL, """
                SELECT r.reversal_ref, r.received_on, r.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN payment_reversal r ON r.reversal_ref = j.source_ref
                JOIN account a ON a.id = r.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, "r.reversal_ref",
                receivable(), cash(), cycleDate, rerun, bounds));
        lines.addAll(twoLineEntries(JournalLine.REVERSAL, """
                SELECT r.reversal_ref, r.received_on, r.amount, s.account_number, a.service_country
                FROM journal_posting j JOIN payment_reversal r ON r.reversal_ref = j.source_ref
                JOIN payment_suspense s ON s.id = r.suspense_id LEFT JOIN account a ON a.account_number = s.account_number
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ? AND r.account_id IS NULL""" + range,
                "r.reversal_ref", unappliedCash(), cash(), cycleDate, rerun, bounds));
        return bySource(lines);
    }

    /**
     * Money received into suspense: cash debited (it is in the bank), unapplied cash credited (owed to
     * someone we do not know yet). The account number is what the file said (it may be unknown).
     */
    private List<JournalLine> suspenseLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        return twoLineEntries(JournalLine.SUSPENSE, """
                SELECT s.payment_ref, s.received_on, s.amount, s.account_number, a.service_country
                FROM journal_posting j JOIN payment_suspense s ON s.payment_ref = j.source_ref
                LEFT JOIN account a ON a.account_number = s.account_number
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, "s.payment_ref",
                cash(), unappliedCash(), cycleDate, rerun, bounds);
    }

    /**
     * A bad-debt recovery (the RECOVERY ledger entry of a payment on a written-off account): the
     * written-off receivable is reinstated, receivables debited and bad-debt recovery credited; the
     * payment's own entry then books the cash against receivables as any payment's.
     */
    private List<JournalLine> recoveryLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        return twoLineEntries(JournalLine.RECOVERY, """
                SELECT l.reference, l.entry_date, l.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN account_ledger l ON l.entry_type = 'RECOVERY' AND l.reference = j.source_ref
                JOIN account a ON a.id = l.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, "l.reference",
                receivable(), new Side(BAD_DEBT_RECOVERY, properties.gl().badDebtRecovery(),
                        JournalCategory.BAD_DEBT_RECOVERY), cycleDate, rerun, bounds);
    }

    /**
     * The entries of one kind of two-line source (payment, write-off, reversal, suspense, recovery):
     * {@code query} gives per source its reference, date, amount, account number and service country
     * (the country gives the currency); the amount, rounded, is debited to {@code debit} and credited to
     * {@code credit}, in the order of {@code orderBy}.
     */
    private List<JournalLine> twoLineEntries(String sourceType, String query, String orderBy, Side debit, Side credit,
                                             LocalDate cycleDate, int rerun, Object... bounds) {
        List<JournalLine> lines = new ArrayList<>();
        jdbc.query(query + " ORDER BY " + orderBy, rs -> {
            String ref = rs.getString(1);
            LocalDate on = rs.getDate(2).toLocalDate();
            BigDecimal amount = Money.round(rs.getBigDecimal(3));
            String account = rs.getString(4);
            // money is in the account's billing currency (the service address decides)
            String currency = BillingCurrency.forServiceCountry(rs.getString(5)).name();
            lines.add(new JournalLine(on, sourceType, ref, debit.lineRef(), account, debit.glAccount(),
                    debit.category(), null, null, null, currency, amount));
            lines.add(new JournalLine(on, sourceType, ref, credit.lineRef(), account, credit.glAccount(),
                    credit.category(), null, null, null, currency, amount.negate()));
        }, args(new Object[]{sourceType, cycleDate, rerun}, bounds));
        return lines;
    }

    /** A closed account's credit paid back: receivables debited (the credit balance gone), cash credited. */
    private List<JournalLine> refundLines(LocalDate cycleDate, int rerun, String range, Object... bounds) {
        return twoLineEntries(JournalLine.REFUND, """
                SELECT r.reference, r.refunded_on, r.amount, a.account_number, a.service_country
                FROM journal_posting j JOIN refund r ON r.reference = j.source_ref
                JOIN account a ON a.id = r.account_id
                WHERE j.source_type = ? AND j.cycle_date = ? AND j.rerun = ?""" + range, "r.reference",
                receivable(), cash(), cycleDate, rerun, bounds);
    }

    /** Entries of two queries in the order of their references (each entry's lines kept together, in order). */
    private static List<JournalLine> bySource(List<JournalLine> lines) {
        List<JournalLine> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing(JournalLine::sourceRef)); // stable
        return sorted;
    }

    private static Object[] args(Object[] head, Object[] bounds) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + bounds.length);
        System.arraycopy(bounds, 0, all, head.length, bounds.length);
        return all;
    }

    private static CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get();
    }

    private static void print(CSVPrinter printer, JournalLine l) throws IOException {
        printer.printRecord(l.entryDate(), l.sourceType(), text(l.sourceRef()), text(l.lineRef()),
                text(l.accountNumber()), text(l.glAccount()), l.category(), text(l.planCode()),
                text(l.taxCode()), text(l.jurisdiction()), l.currency(), l.debit().toPlainString(),
                l.credit().toPlainString());
    }

    private static String text(String cell) {
        return cell == null ? "" : SpreadsheetCells.text(cell);
    }

    private record TaxPlace(String jurisdiction, String glAccount) {
    }

    private record InvoiceHead(String number, LocalDate date, String currency, String accountNumber) {

        JournalLine line(String lineRef, String glAccount, JournalCategory category, String plan, String taxCode,
                         String jurisdiction, BigDecimal amount) {
            return new JournalLine(date, JournalLine.INVOICE, number, lineRef, accountNumber, glAccount, category, plan,
                    taxCode, jurisdiction, currency, amount);
        }
    }
}
