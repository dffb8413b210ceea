package ca.isp.billing.jobs.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.domain.ReconciliationEquation;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.support.PaymentWindow;

/**
 * Counts a cycle's figures where each truly lives and hands them to {@link Reconciliation}:
 * lines read, duplicates and rejects as the readers counted them at ingest ({@code ingested_file},
 * written in the file's own transaction) against the rows the tables hold now; usage by status;
 * the cycle's invoices by status and hold reason; their deliveries by status; and per currency
 * the ledger ({@code account_ledger}) against the invoices and payments tables.
 *
 * <p>Scope: usage of the files ingested while the cycle's runs ran ({@link RunWindow}, as the run
 * summary); payments of the cycle's payment window ({@link PaymentWindow}); invoices and deliveries of the cycle date. Everything is read back from the
 * database, so a resumed or rerun cycle reconciles the whole cycle, and twice gives the same.
 * Usage read in place (FreeRADIUS, no inbox file) is outside the usage equations: a reading there
 * is not a record (it adds the difference of a session's counters, or nothing).
 */
public class CycleReconciliation {

    private static final String PAYMENTS = "payments";
    // the ledger's figures per currency, by slot
    private static final int LEDGER_NOW = 0;
    private static final int LEDGER_MOVES = 1;
    private static final int INVOICES = 2;
    private static final int PAYMENTS_IN = 3;
    private static final int CLOSING = 4;
    private static final int CREDITS = 5;
    private static final int REVERSALS = 6;
    private final JdbcTemplate jdbc;
    /** Where the cycles' payment windows are read (null: usage equations only, {@link #ofUsage}). */
    private final JobRepository repository;

    public CycleReconciliation(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    public CycleReconciliation(JdbcTemplate jdbc, JobRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    public Reconciliation of(LocalDate cycleDate, List<JobExecution> executions) {
        RunWindow window = RunWindow.of(executions);
        // Payments: the cycle's own window, not its runs' (collections and later cycles apply
        // payments between a cycle's first run and its rerun): a rerun counts the same payments.
        RunWindow paid = paymentWindow(cycleDate);
        List<ReconciliationEquation> equations = new ArrayList<>();
        usage(window, equations);
        payments(paid, equations);
        invoices(cycleDate, equations);
        deliveries(cycleDate, equations);
        ledger(cycleDate, paid, equations);
        return new Reconciliation(equations);
    }

    /** The cycle's payment window as a window of ingest times (PaymentWindow; its lower bound excluded). */
    private RunWindow paymentWindow(LocalDate cycleDate) {
        if (repository == null) {
            throw new IllegalStateException("a cycle's reconciliation needs the job repository (payment windows)");
        }
        PaymentWindow w = PaymentWindow.of(repository, cycleDate);
        // BETWEEN includes its lower bound: one millisecond later (ingested_at is TIMESTAMP(3))
        return new RunWindow(new Timestamp(w.after().getTime() + 1), w.upTo());
    }

    /**
     * The usage equations alone, for the runs of the usage ingest job (run.sh ingest): the files
     * those runs ingested, and their records as the job's rate step left them.
     */
    public Reconciliation ofUsage(List<JobExecution> executions) {
        List<ReconciliationEquation> equations = new ArrayList<>();
        usage(RunWindow.of(executions), equations);
        return new Reconciliation(equations);
    }

    /** Usage files of every inbox source (all kinds but payments) ingested in the window. */
    private void usage(RunWindow w, List<ReconciliationEquation> equations) {
        Map<String, Object> read = jdbc.queryForMap("""
                SELECT COALESCE(SUM(lines_read), 0) AS lines_read, COALESCE(SUM(duplicates), 0) AS duplicates,
                    COALESCE(SUM(rejected), 0) AS rejected
                FROM ingested_file WHERE kind <> ? AND ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(), w.to());
        // A BILLED record counts as billed only if its invoice exists.
        Map<String, Object> rows = jdbc.queryForMap("""
                SELECT COUNT(*) AS stored,
                    COALESCE(SUM(CASE WHEN u.status IN (?, ?) THEN 1 ELSE 0 END), 0) AS rated,
                    COALESCE(SUM(CASE WHEN u.status = ? THEN 1 ELSE 0 END), 0) AS unmatched,
                    COALESCE(SUM(CASE WHEN u.status = ? THEN 1 ELSE 0 END), 0) AS gaps,
                    COALESCE(SUM(CASE WHEN u.status = ? AND i.id IS NOT NULL THEN 1 ELSE 0 END), 0) AS billed,
                    COALESCE(SUM(CASE WHEN u.status = ? AND u.invoice_id IS NULL THEN 1 ELSE 0 END), 0) AS later
                FROM usage_record u JOIN ingested_file f ON f.id = u.file_id
                LEFT JOIN invoice i ON i.id = u.invoice_id
                WHERE f.kind <> ? AND f.ingested_at BETWEEN ? AND ?""",
                UsageStatus.RATED.name(), UsageStatus.BILLED.name(), UsageStatus.UNMATCHED.name(),
                UsageStatus.RATING_GAP.name(), UsageStatus.BILLED.name(), UsageStatus.RATED.name(),
                PAYMENTS, w.from(), w.to());
        long stored = number(rows, "stored");
        long rated = number(rows, "rated");
        equations.add(Reconciliation.usageRead(number(read, "lines_read"), stored, number(read, "duplicates"),
                number(read, "rejected")));
        equations.add(Reconciliation.usageStored(stored, rated, number(rows, "unmatched"), number(rows, "gaps")));
        equations.add(Reconciliation.usageRated(rated, number(rows, "billed"), number(rows, "later")));
    }

    /**
     * Payment files ingested in the window: lines read against the payment, suspense and reversal
     * rows stored from them; and their money as the reader accepted it against the same rows.
     */
    private void payments(RunWindow w, List<ReconciliationEquation> equations) {
        Map<String, Object> read = jdbc.queryForMap("""
                SELECT COALESCE(SUM(lines_read), 0) AS lines_read, COALESCE(SUM(duplicates), 0) AS duplicates,
                    COALESCE(SUM(rejected), 0) AS rejected
                FROM ingested_file WHERE kind = ? AND ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(), w.to());
        Map<String, Object> rows = jdbc.queryForMap("""
                SELECT COALESCE(SUM(CASE WHEN p.unapplied = 0 THEN 1 ELSE 0 END), 0) AS applied,
                    COALESCE(SUM(CASE WHEN p.unapplied <> 0 THEN 1 ELSE 0 END), 0) AS credit,
                    COALESCE(SUM(p.amount), 0) AS amount
                FROM payment p JOIN ingested_file f ON f.id = p.file_id
                WHERE f.kind = ? AND f.ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(), w.to());
        // assigned lines are payment rows now (same file): only those still unassigned count here
        Map<String, Object> suspense = jdbc.queryForMap("""
                SELECT COUNT(*) AS n, COALESCE(SUM(s.amount), 0) AS amount
                FROM payment_suspense s JOIN ingested_file f ON f.id = s.file_id
                WHERE s.status <> 'ASSIGNED' AND f.kind = ? AND f.ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(),
                w.to());
        Map<String, Object> reversals = jdbc.queryForMap("""
                SELECT COUNT(*) AS n, COALESCE(SUM(r.amount), 0) AS amount
                FROM payment_reversal r JOIN ingested_file f ON f.id = r.file_id
                WHERE f.kind = ? AND f.ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(), w.to());
        Map<String, Object> money = jdbc.queryForMap("""
                SELECT COALESCE(SUM(m.received), 0) AS received, COALESCE(SUM(m.reversed), 0) AS reversed
                FROM payment_file_money m JOIN ingested_file f ON f.id = m.file_id
                WHERE f.kind = ? AND f.ingested_at BETWEEN ? AND ?""", PAYMENTS, w.from(), w.to());
        equations.add(Reconciliation.paymentsRead(number(read, "lines_read"), number(rows, "applied"),
                number(rows, "credit"), number(read, "duplicates"), number(read, "rejected"), number(suspense, "n"),
                number(reversals, "n")));
        equations.add(Reconciliation.paymentMoney(decimal(money, "received"), decimal(money, "reversed"),
                decimal(rows, "amount"), decimal(suspense, "amount"), decimal(reversals, "amount")));
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /**
     * The cycle's invoices; issued counts an ISSUED invoice only with its ledger entry of its
     * total, held groups by reason. A DRAFT or TAXED one left over is neither: the equation breaks.
     */
    private void invoices(LocalDate cycleDate, List<ReconciliationEquation> equations) {
        long invoices = count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ?", cycleDate);
        long issued = count("""
                SELECT COUNT(*) FROM invoice i JOIN account_ledger l
                    ON l.entry_type = ? AND l.reference = i.invoice_number AND l.amount = i.total
                WHERE i.cycle_date = ? AND i.status = ?""",
                LedgerEntryType.INVOICE.name(), cycleDate, InvoiceStatus.ISSUED.name());
        // voided by the review gate: issued (its ledger entry stays), then cancelled by a credit note
        long voided = count("""
                SELECT COUNT(*) FROM invoice i JOIN account_ledger l
                    ON l.entry_type = ? AND l.reference = i.invoice_number AND l.amount = i.total
                WHERE i.cycle_date = ? AND i.status = ?""",
                LedgerEntryType.INVOICE.name(), cycleDate, InvoiceStatus.VOID.name());
        Map<String, Long> held = new TreeMap<>();
        jdbc.query("SELECT hold_reason FROM invoice WHERE cycle_date = ? AND status = ?", rs -> {
            held.merge(Reconciliation.holdReason(rs.getString(1)), 1L, Long::sum);
        }, cycleDate, InvoiceStatus.HELD.name());
        equations.add(Reconciliation.invoices(invoices, issued, voided, held));
    }

    /** The outbox rows of the cycle's invoices by status; SENT counts only with its time sent. */
    private void deliveries(LocalDate cycleDate, List<ReconciliationEquation> equations) {
        Map<String, Object> d = jdbc.queryForMap("""
                SELECT COUNT(*) AS deliveries,
                    COALESCE(SUM(CASE WHEN d.status = ? AND d.sent_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS sent,
                    COALESCE(SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), 0) AS pending,
                    COALESCE(SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), 0) AS failed,
                    COALESCE(SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), 0) AS attention,
                    COALESCE(SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), 0) AS voided
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id WHERE i.cycle_date = ?""",
                DeliveryStatus.SENT.name(), DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(),
                DeliveryStatus.ATTENTION.name(), DeliveryStatus.VOID.name(), cycleDate);
        equations.add(Reconciliation.deliveries(number(d, "deliveries"), number(d, "sent"), number(d, "pending"),
                number(d, "failed"), number(d, "attention"), number(d, "voided")));
    }

    /**
     * Per currency (the account's, from its service address): the opening balance is the ledger
     * without this cycle's movements (the INVOICE entries of its invoices, the PAYMENT entries of
     * its payments); invoices and payments are the invoice and payment tables' own amounts; the
     * closing balance is what those tables say is owed (issued totals not paid, less the credit left
     * on payments). So the ledger is checked against the invoices and payments, never against
     * itself. Late fees are counted once, in the invoices that bill them. An invoice voided by the
     * review gate counts in the invoices and its credit note in the credits (both movements of the
     * cycle). Returned payments (REVERSAL entries, payment_reversal) of the window's files are the
     * reversals.
     */
    private void ledger(LocalDate cycleDate, RunWindow w, List<ReconciliationEquation> equations) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        // each query gives (service country, amount); the country's currency takes the amount
        sumByCountry(byCurrency, LEDGER_NOW, """
                SELECT a.service_country, SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                GROUP BY a.service_country""");
        sumByCountry(byCurrency, LEDGER_MOVES, """
                SELECT a.service_country, SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                JOIN invoice i ON i.invoice_number = l.reference
                WHERE l.entry_type = ? AND i.cycle_date = ? AND i.status IN (?, ?)
                GROUP BY a.service_country""", LedgerEntryType.INVOICE.name(), cycleDate, InvoiceStatus.ISSUED.name(),
                InvoiceStatus.VOID.name());
        // the credit notes that voided the cycle's invoices (review gate): a movement, and the credits
        String creditNotes = """
                SELECT a.service_country, SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                JOIN review_decision r ON r.credit_note = l.reference JOIN invoice i ON i.id = r.invoice_id
                WHERE l.entry_type = ? AND i.cycle_date = ?
                GROUP BY a.service_country""";
        sumByCountry(byCurrency, LEDGER_MOVES, creditNotes, LedgerEntryType.CREDIT_NOTE.name(), cycleDate);
        sumByCountry(byCurrency, CREDITS, creditNotes.replace("SUM(l.amount)", "-SUM(l.amount)"),
                LedgerEntryType.CREDIT_NOTE.name(), cycleDate);
        sumByCountry(byCurrency, LEDGER_MOVES, """
                SELECT a.service_country, SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                JOIN payment p ON p.payment_ref = l.reference JOIN ingested_file f ON f.id = p.file_id
                WHERE l.entry_type = ? AND f.kind = ? AND f.ingested_at BETWEEN ? AND ?
                GROUP BY a.service_country""", LedgerEntryType.PAYMENT.name(), PAYMENTS, w.from(), w.to());
        // returned payments of the window's files: a movement (REVERSAL entries), and the reversals
        sumByCountry(byCurrency, LEDGER_MOVES, """
                SELECT a.service_country, SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                JOIN payment_reversal r ON r.reversal_ref = l.reference JOIN ingested_file f ON f.id = r.file_id
                WHERE l.entry_type = ? AND f.kind = ? AND f.ingested_at BETWEEN ? AND ?
                GROUP BY a.service_country""", LedgerEntryType.REVERSAL.name(), PAYMENTS, w.from(), w.to());
        sumByCountry(byCurrency, REVERSALS, """
                SELECT a.service_country, SUM(r.amount) FROM payment_reversal r JOIN account a ON a.id = r.account_id
                JOIN ingested_file f ON f.id = r.file_id
                WHERE f.kind = ? AND f.ingested_at BETWEEN ? AND ? GROUP BY a.service_country""",
                PAYMENTS, w.from(), w.to());
        sumByCountry(byCurrency, INVOICES, """
                SELECT a.service_country, SUM(i.total) FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status IN (?, ?) GROUP BY a.service_country""",
                cycleDate, InvoiceStatus.ISSUED.name(), InvoiceStatus.VOID.name());
        sumByCountry(byCurrency, PAYMENTS_IN, """
                SELECT a.service_country, SUM(p.amount) FROM payment p JOIN account a ON a.id = p.account_id
                JOIN ingested_file f ON f.id = p.file_id
                WHERE f.kind = ? AND f.ingested_at BETWEEN ? AND ? GROUP BY a.service_country""",
                PAYMENTS, w.from(), w.to());
        sumByCountry(byCurrency, CLOSING, """
                SELECT a.service_country, SUM(i.total - i.amount_paid - i.amount_written_off) FROM invoice i
                JOIN account a ON a.id = i.account_id
                WHERE i.status = ? GROUP BY a.service_country""", InvoiceStatus.ISSUED.name());
        sumByCountry(byCurrency, CLOSING, """
                SELECT a.service_country, -SUM(p.unapplied) FROM payment p JOIN account a ON a.id = p.account_id
                GROUP BY a.service_country""");
        byCurrency.forEach((currency, f) -> equations.add(Reconciliation.ledger(currency,
                f[LEDGER_NOW].subtract(f[LEDGER_MOVES]), f[INVOICES], f[PAYMENTS_IN], f[CREDITS], f[REVERSALS],
                f[CLOSING])));
    }

    private void sumByCountry(Map<String, BigDecimal[]> byCurrency, int slot, String sql, Object... args) {
        jdbc.query(sql, rs -> {
            BigDecimal amount = rs.getBigDecimal(2);
            if (amount == null) {
                return;
            }
            BigDecimal[] figures = byCurrency.computeIfAbsent(BillingCurrency.forServiceCountry(rs.getString(1)).name(),
                    c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, BigDecimal.ZERO});
            figures[slot] = figures[slot].add(amount);
        }, args);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
