package ca.isp.billing.jobs.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.CatchUpLimit;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.UsageStatus;

/**
 * The figures of one billing cycle, read back from the database (never from counters kept in
 * memory, so a restarted run reports the whole cycle), and the time each step took.
 */
public class CycleReport {

    private final JdbcTemplate jdbc;
    /** billing.plausible.catch-up-periods: accounts further behind are charged only with --force. */
    private final int catchUpPeriods;

    public CycleReport(JdbcTemplate jdbc, int catchUpPeriods) {
        this.jdbc = jdbc;
        this.catchUpPeriods = catchUpPeriods;
    }

    /** One step run: name, status, seconds, items read/written/filtered/skipped. */
    public record StepTime(String step, int run, long executionId, String status, double seconds, long read, long written,
                           long filtered, long skipped) {
    }

    /**
     * The summary of a cycle from its runs: files ingested while they ran (from the first run's
     * start to the last run's end, or now while one runs) belong to this cycle.
     */
    public String summary(LocalDate cycleDate, List<JobExecution> executions) {
        RunWindow window = RunWindow.of(executions);
        StringBuilder out = new StringBuilder();
        out.append("Billing cycle ").append(cycleDate).append('\n');
        out.append("\nSteps\n");
        double total = 0;
        for (StepTime t : stepTimes(executions)) {
            out.append(String.format("  %-16s %-10s %8.1f s   read %7d  written %7d  filtered %6d  skipped %5d  (run %d)%n",
                    t.step(), t.status(), t.seconds(), t.read(), t.written(), t.filtered(), t.skipped(), t.run()));
            total += t.seconds();
        }
        out.append(String.format("  %-16s %-10s %8.1f s%n", "total", "", total));

        Timestamp from = window.from();
        Timestamp to = window.to();
        Map<String, Object> usage = jdbc.queryForMap("""
                SELECT COUNT(*) AS files, COALESCE(SUM(lines_read), 0) AS lines_read,
                    COALESCE(SUM(records_stored), 0) AS stored, COALESCE(SUM(duplicates), 0) AS duplicates,
                    COALESCE(SUM(rejected), 0) AS rejected
                FROM ingested_file WHERE kind = 'usage' AND ingested_at BETWEEN ? AND ?""", from, to);
        long unmatched = count("SELECT COUNT(*) FROM usage_record WHERE status = ?", UsageStatus.UNMATCHED.name());
        out.append("\nUsage\n");
        out.append(String.format("  files %s, lines %s = stored %s + duplicates %s + rejected %s%n",
                usage.get("files"), usage.get("lines_read"), usage.get("stored"), usage.get("duplicates"),
                usage.get("rejected")));
        // the equipment sources (billing.ingest.sources.*), when there are any besides the usage CSV
        jdbc.query("""
                SELECT kind, COUNT(*), COALESCE(SUM(lines_read), 0), COALESCE(SUM(records_stored), 0),
                    COALESCE(SUM(duplicates), 0), COALESCE(SUM(rejected), 0)
                FROM ingested_file WHERE kind NOT IN ('usage', 'payments') AND ingested_at BETWEEN ? AND ?
                GROUP BY kind ORDER BY kind""", rs -> {
            out.append(String.format("  source %s: files %d, lines %d = stored %d + duplicates %d + rejected %d%n",
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }, from, to);
        jdbc.query("SELECT source, COUNT(*) FROM source_file WHERE read_at BETWEEN ? AND ? GROUP BY source ORDER BY source",
                rs -> {
                    out.append(String.format("  source %s: files read in place %d (positions in source_file)%n",
                            rs.getString(1), rs.getLong(2)));
                }, from, to);
        out.append(String.format("  records with no matching subscription (kept as UNMATCHED): %d%n", unmatched));
        jdbc.query("""
                SELECT source, COUNT(*) FROM usage_record WHERE status = ? AND source IN (
                    SELECT source FROM source_file UNION SELECT kind FROM ingested_file WHERE kind NOT IN ('usage', 'payments'))
                GROUP BY source ORDER BY source""", rs -> {
            out.append(String.format("    of source %s: %d%n", rs.getString(1), rs.getLong(2)));
        }, UsageStatus.UNMATCHED.name());
        // calls no rate prices: never billed, listed so the rates can be fixed (rated again next run)
        long gaps = count("SELECT COUNT(*) FROM usage_record WHERE status = ?", UsageStatus.RATING_GAP.name());
        if (gaps > 0) {
            out.append(String.format("  calls with no rate (rating gaps: not billed, rated again next run): %d%n", gaps));
            jdbc.query("""
                    SELECT source, record_id, service_id, destination, start_time, rating_note FROM usage_record
                    WHERE status = ? ORDER BY start_time, id LIMIT 20""", rs -> {
                out.append(String.format("    %s %s %s -> %s at %s: %s%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), rs.getString(6)));
            }, UsageStatus.RATING_GAP.name());
            if (gaps > 20) {
                out.append(String.format("    ... and %d more (usage_record.status = RATING_GAP)%n", gaps - 20));
            }
        }

        long issued = count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = ?", cycleDate,
                InvoiceStatus.ISSUED.name());
        long held = count("SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = ?", cycleDate, InvoiceStatus.HELD.name());
        out.append("\nInvoices\n");
        out.append(String.format("  accounts invoiced %s, invoices issued %s, held %d (accounts due = charge step's read count)%n",
                count("SELECT COUNT(DISTINCT account_id) FROM invoice WHERE cycle_date = ?", cycleDate),
                issued, held));
        out.append(String.format("  accounts left uncharged, more than %d periods behind (./run.sh rerun --cycle-date %s"
                + " --force): %d%n", catchUpPeriods, cycleDate, count("SELECT COUNT(*) FROM account WHERE next_bill_date < ?",
                new CatchUpLimit(catchUpPeriods).earliestNextBillDate(cycleDate))));
        // Amounts per currency: a US service address is billed in USD, CAD and USD never add up.
        jdbc.query("""
                SELECT currency, COUNT(*), SUM(subtotal), SUM(tax_total), SUM(total) FROM invoice
                WHERE cycle_date = ? AND status = ? GROUP BY currency ORDER BY currency""", rs -> {
            out.append(String.format("  %s: %d invoices, revenue %s, tax %s, invoiced %s%n", rs.getString(1), rs.getLong(2),
                    money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5))));
        }, cycleDate, InvoiceStatus.ISSUED.name());
        jdbc.query("""
                SELECT i.currency, tax_code, region, COUNT(*), SUM(amount) FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                WHERE i.cycle_date = ? GROUP BY i.currency, region, tax_code ORDER BY i.currency, region, tax_code""", rs -> {
            out.append(String.format("    tax %-6s %-3s %6d invoices %14s %s%n", rs.getString(2), rs.getString(3),
                    rs.getLong(4), money(rs.getBigDecimal(5)), rs.getString(1)));
        }, cycleDate);
        jdbc.query("SELECT invoice_number, hold_reason FROM invoice WHERE cycle_date = ? AND status = ? ORDER BY id",
                rs -> {
                    out.append("    held: ").append(rs.getString(2)).append('\n');
                }, cycleDate, InvoiceStatus.HELD.name());

        review(out, cycleDate);
        deliveries(out, cycleDate);

        Map<String, Object> payments = jdbc.queryForMap("""
                SELECT COUNT(*) AS files, COALESCE(SUM(lines_read), 0) AS lines_read,
                    COALESCE(SUM(records_stored), 0) AS stored, COALESCE(SUM(duplicates), 0) AS duplicates,
                    COALESCE(SUM(rejected), 0) AS rejected
                FROM ingested_file WHERE kind = 'payments' AND ingested_at BETWEEN ? AND ?""", from, to);
        BigDecimal received = jdbc.queryForObject("""
                SELECT COALESCE(SUM(p.amount), 0) FROM payment p JOIN ingested_file f ON f.id = p.file_id
                WHERE f.ingested_at BETWEEN ? AND ?""", BigDecimal.class, from, to);
        out.append("\nPayments\n");
        out.append(String.format("  files %s, lines %s = applied %s + duplicates %s + rejected %s; received %s%n",
                payments.get("files"), payments.get("lines_read"), payments.get("stored"), payments.get("duplicates"),
                payments.get("rejected"), money(received)));
        // Payments are applied before the invoices are issued; those dated after the invoice date
        // are on the ledger already but show on the account's next invoice.
        Map<String, Object> timing = jdbc.queryForMap("""
                SELECT COALESCE(SUM(CASE WHEN p.received_on <= ? THEN 1 ELSE 0 END), 0) AS shown_now,
                    COALESCE(SUM(CASE WHEN p.received_on > ? THEN 1 ELSE 0 END), 0) AS shown_next
                FROM payment p JOIN ingested_file f ON f.id = p.file_id WHERE f.ingested_at BETWEEN ? AND ?""",
                cycleDate, cycleDate, from, to);
        out.append(String.format("  applied before invoicing: %s dated on or before the cycle date %s, %s dated after"
                + " (an invoice lists those dated on or before its own date)%n", timing.get("shown_now"), cycleDate,
                timing.get("shown_next")));
        out.append(String.format("  shown on this cycle's invoices: %d payments, %s%n",
                count("""
                        SELECT COUNT(*) FROM account_ledger l JOIN invoice i ON i.id = l.statement_invoice_id
                        WHERE i.cycle_date = ? AND l.entry_type = ?""", cycleDate, LedgerEntryType.PAYMENT.name()),
                money(jdbc.queryForObject("""
                        SELECT COALESCE(SUM(payments_received), 0) FROM invoice WHERE cycle_date = ? AND status = ?""",
                        BigDecimal.class, cycleDate, InvoiceStatus.ISSUED.name()))));

        Map<String, Object> fees = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount FROM late_fee WHERE assessed_on = ?", cycleDate);
        out.append("\nCollections\n");
        out.append(String.format("  late fees assessed %s, %s (billed on the next invoice)%n", fees.get("n"),
                money(fees.get("amount"))));
        out.append(String.format("  accounts newly delinquent %d, newly suspended %d, back to active %d,"
                        + " delinquent now %d, suspended now %d%n",
                count("SELECT COUNT(*) FROM delinquency_event WHERE event_date = ? AND to_status = ?", cycleDate,
                        AccountStatus.DELINQUENT.name()),
                count("SELECT COUNT(*) FROM delinquency_event WHERE event_date = ? AND to_status = ?", cycleDate,
                        AccountStatus.SUSPENDED.name()),
                count("SELECT COUNT(*) FROM delinquency_event WHERE event_date = ? AND to_status = ?", cycleDate,
                        AccountStatus.ACTIVE.name()),
                count("SELECT COUNT(*) FROM account WHERE status = ?", AccountStatus.DELINQUENT.name()),
                count("SELECT COUNT(*) FROM account WHERE status = ?", AccountStatus.SUSPENDED.name())));
        return out.toString();
    }

    /**
     * The outbox per channel and courier (the courier that took the row or tried it last; "-" for
     * a row no courier has tried yet): sent, pending, failed, needs attention, and of those the
     * emails that bounced after the server accepted them; then each row not sent but pending with
     * its reason (a bounce's status and diagnostic), so the operator sees what to fix before a rerun.
     */
    /**
     * The review gate: how many invoices it held and by which rule (an invoice tripping two rules
     * counts under each), what operators decided, and the held invoices still waiting with their
     * reasons (the first 20), so the operator sees what to decide.
     */
    private void review(StringBuilder out, LocalDate cycleDate) {
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT COALESCE(review_status, 'NOT REVIEWED'), COUNT(*) FROM invoice
                WHERE cycle_date = ? AND status IN ('ISSUED', 'VOID') GROUP BY COALESCE(review_status, 'NOT REVIEWED')""",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }, cycleDate);
        long held = byStatus.getOrDefault("HELD", 0L) + byStatus.getOrDefault("RELEASED", 0L)
                + byStatus.getOrDefault("VOIDED", 0L);
        out.append("\nReview gate\n");
        out.append(String.format("  invoices cleared %d, held %d (waiting for a decision %d, released %d, voided %d)%n",
                byStatus.getOrDefault("CLEARED", 0L), held, byStatus.getOrDefault("HELD", 0L),
                byStatus.getOrDefault("RELEASED", 0L), byStatus.getOrDefault("VOIDED", 0L)));
        jdbc.query("""
                SELECT rule_code, COUNT(*) FROM review_hold WHERE cycle_date = ? GROUP BY rule_code ORDER BY rule_code""",
                rs -> {
                    out.append(String.format("    held by %-22s %d%n", ruleKey(rs.getString(1)), rs.getLong(2)));
                }, cycleDate);
        jdbc.query("""
                SELECT DISTINCT rule_code, reason FROM review_hold
                WHERE cycle_date = ? AND rule_code IN ('PLAN_REVENUE', 'JURISDICTION_REVENUE') ORDER BY rule_code, reason""",
                rs -> {
                    out.append("    whole hand-off held: ").append(rs.getString(2)).append('\n');
                }, cycleDate);
        jdbc.query("""
                SELECT i.invoice_number, h.rule_code, h.reason FROM review_hold h JOIN invoice i ON i.id = h.invoice_id
                WHERE h.cycle_date = ? AND i.review_status = 'HELD' AND h.rule_code NOT IN ('PLAN_REVENUE', 'JURISDICTION_REVENUE')
                ORDER BY i.invoice_number, h.id LIMIT 20""", rs -> {
            out.append(String.format("    held %s (%s): %s%n", rs.getString(1), ruleKey(rs.getString(2)), rs.getString(3)));
        }, cycleDate);
        if (byStatus.getOrDefault("HELD", 0L) > 0) {
            out.append(String.format("  decide: ./run.sh review --cycle-date %s (lists them), then --release ALL|INVOICE..."
                    + " or --void INVOICE... --reason TEXT; ./run.sh rerun --cycle-date %s sends the released%n",
                    cycleDate, cycleDate));
        }
    }

    private static String ruleKey(String ruleCode) {
        return ca.isp.billing.domain.review.ReviewRule.valueOf(ruleCode).key();
    }

    private void deliveries(StringBuilder out, LocalDate cycleDate) {
        out.append("\nDeliveries (channel, courier: sent, pending, failed, needs attention, of which bounced)\n");
        jdbc.query("""
                SELECT d.channel, COALESCE(d.courier, '-'),
                    SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END),
                    SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END),
                    SUM(CASE WHEN d.status = ? AND d.bounced_at IS NOT NULL THEN 1 ELSE 0 END),
                    SUM(CASE WHEN d.status = 'PENDING' AND i.review_status = 'HELD' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN d.status = 'VOID' THEN 1 ELSE 0 END)
                FROM delivery d JOIN invoice i ON i.id = d.invoice_id WHERE i.cycle_date = ?
                GROUP BY d.channel, COALESCE(d.courier, '-') ORDER BY d.channel, COALESCE(d.courier, '-')""", rs -> {
            // pending counts what waits for a courier; a held invoice's rows wait for an operator
            out.append(String.format("  %-6s %-12s sent %6d  pending %6d  failed %6d  needs attention %6d (bounced %d)%s%n",
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4) - rs.getLong(8), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8) + rs.getLong(9) == 0 ? ""
                            : String.format("  held for review %d  voided %d", rs.getLong(8), rs.getLong(9))));
        }, DeliveryStatus.SENT.name(), DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name(),
                DeliveryStatus.ATTENTION.name(), DeliveryStatus.ATTENTION.name(), cycleDate);
        jdbc.query("""
                SELECT d.idempotency_key, d.status, d.courier, d.last_error FROM delivery d
                JOIN invoice i ON i.id = d.invoice_id
                WHERE i.cycle_date = ? AND d.status IN (?, ?) ORDER BY d.status, d.idempotency_key""", rs -> {
            out.append(String.format("    %s %s (%s): %s%n",
                    DeliveryStatus.ATTENTION.name().equals(rs.getString(2)) ? "needs attention" : "failed",
                    rs.getString(1), rs.getString(3), rs.getString(4)));
        }, cycleDate, DeliveryStatus.ATTENTION.name(), DeliveryStatus.FAILED.name());
    }

    /**
     * Manager-level step runs of all the cycle's executions, in the order they ran. Runs are
     * numbered within the cycle (1, 2, ...), as {@code status} counts them, not by the repository's
     * execution ids, which are shared by all cycles and may jump (an H2 sequence after a kill).
     */
    public static List<StepTime> stepTimes(List<JobExecution> executions) {
        List<StepTime> times = new ArrayList<>();
        List<JobExecution> inOrder = executions.stream().sorted(Comparator.comparing(JobExecution::getId)).toList();
        for (int i = 0; i < inOrder.size(); i++) {
            JobExecution execution = inOrder.get(i);
            int run = i + 1;
            execution.getStepExecutions().stream()
                    // partitions are summed in their manager step; the report step is this one, still running
                    .filter(s -> !s.getStepName().contains(":") && !(s.getStatus().isRunning() && "report".equals(s.getStepName())))
                    .sorted(Comparator.comparing(StepExecution::getId))
                    .forEach(s -> times.add(stepTime(s, run, execution)));
        }
        return times;
    }

    /**
     * A manager step adds up its partitions' counts when it finishes; one that did not finish
     * (failed, or killed and recovered) still says 0, so its partitions' own counts are shown:
     * what they committed before the failure.
     */
    private static StepTime stepTime(StepExecution s, int run, JobExecution execution) {
        long read = s.getReadCount();
        long written = s.getWriteCount();
        long filtered = s.getFilterCount();
        long skipped = s.getSkipCount();
        if (s.getStatus() != BatchStatus.COMPLETED && read == 0 && written == 0) {
            String partitions = s.getStepName() + "Partition:";
            for (StepExecution p : execution.getStepExecutions()) {
                if (p.getStepName().startsWith(partitions)) {
                    read += p.getReadCount();
                    written += p.getWriteCount();
                    filtered += p.getFilterCount();
                    skipped += p.getSkipCount();
                }
            }
        }
        return new StepTime(s.getStepName(), run, execution.getId(), s.getStatus().name(), seconds(s), read, written,
                filtered, skipped);
    }

    private static double seconds(StepExecution s) {
        LocalDateTime start = s.getStartTime();
        LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now();
        return start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String money(Object amount) {
        BigDecimal value = amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString());
        return String.format("%,.2f", Money.round(value));
    }
}
