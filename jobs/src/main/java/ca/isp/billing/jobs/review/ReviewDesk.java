package ca.isp.billing.jobs.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceNumbering;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.domain.review.ReviewRule;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.RunGuard;
import ca.isp.billing.jobs.issue.InvoiceNumberSeries;
import ca.isp.billing.jobs.issue.InvoiceToIssue.NewEntry;
import ca.isp.billing.jobs.issue.StatementLedger;

/**
 * What an operator decides about the invoices the review gate held ({@code run.sh review}):
 * list them, release them (the next run of the cycle, {@code run.sh rerun}, renders and sends
 * them), or void them. Every decision is a {@code review_decision} row with who, when and why.
 *
 * <p>Voiding never deletes nor renumbers: the invoice keeps its number and its INVOICE ledger
 * entry, becomes VOID, and a credit note (a CREDIT_NOTE ledger entry of minus its total, numbered
 * from its own gapless series {@code CN-<year>-}) brings the account's balance back to what it
 * was. Its deliveries become VOID (never sent). What it billed goes back to be billed by the
 * account's next invoice: its usage records (RATED again), late fees and one-time charges (not
 * billed), its plan terms (a voided invoice's lines are not "billed" for the charge step); credits
 * it had used go back to their payments; a quote invoice's quote is billable again (invoice-now
 * bills it once more; quote_reopened records it). Fix the cause first (the rate, the tax table, the usage
 * file counted twice), or the next invoice repeats it.
 */
@Component
public class ReviewDesk {

    /** The credit note series: a prefix of its own, so it never meets an invoice number. */
    public static final String CREDIT_NOTE_PREFIX = "CN-{year}-";

    /** One held invoice with its reasons, as {@code review} lists it. */
    public record Held(String invoiceNumber, String accountNumber, String currency, BigDecimal total,
                       String reviewStatus, List<String> reasons) {
    }

    /** A decision refused as a whole, with the reason (nothing was changed). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InvoiceNumberSeries series;
    private final InvoiceNumbering creditNotes;
    private final Clock clock;

    private final ca.isp.billing.domain.PaymentTerms terms;
    /** A decision waits for no run but is not taken during one (a payment run could pay a voided invoice). */
    private final RunGuard guard;

    public ReviewDesk(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      BillingProperties properties, Clock clock, RunGuard guard) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.series = new InvoiceNumberSeries(jdbc);
        this.creditNotes = new InvoiceNumbering(CREDIT_NOTE_PREFIX, properties.invoiceNumber().width());
        this.clock = clock;
        this.terms = properties.paymentTerms();
    }

    /** Per cycle, the number of invoices held for review and not decided yet. */
    public Map<LocalDate, Long> waiting() {
        Map<LocalDate, Long> waiting = new java.util.TreeMap<>();
        jdbc.query("SELECT cycle_date, COUNT(*) FROM invoice WHERE review_status = 'HELD' GROUP BY cycle_date",
                rs -> {
                    waiting.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return waiting;
    }

    /** The cycle's invoices held by the review gate (and those decided since, with their decision). */
    public List<Held> held(LocalDate cycleDate) {
        Map<String, Held> held = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.invoice_number, a.account_number, i.currency, i.total, i.review_status, h.rule_code, h.reason
                FROM review_hold h JOIN invoice i ON i.id = h.invoice_id JOIN account a ON a.id = i.account_id
                WHERE h.cycle_date = :cycle ORDER BY i.invoice_number, h.id""", new MapSqlParameterSource("cycle", cycleDate),
                rs -> {
                    Held row = new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5), new ArrayList<>());
                    held.putIfAbsent(row.invoiceNumber(), row);
                    held.get(row.invoiceNumber()).reasons()
                            .add(ReviewRule.valueOf(rs.getString(6)).key() + ": " + rs.getString(7));
                });
        return List.copyOf(held.values());
    }

    /**
     * Releases held invoices ({@code invoices} empty = ALL of the cycle's); returns how many.
     *
     * @throws Refused when one of the numbers is not an invoice of the cycle held for review
     */
    public int release(LocalDate cycleDate, List<String> invoices, String by) {
        try (RunGuard.Held ignored = guardOrRefuse()) {
            return releaseHeld(cycleDate, invoices, by);
        }
    }

    private RunGuard.Held guardOrRefuse() {
        return guard.tryAcquire().orElseThrow(() -> new Refused("a billing run is in progress on this database:"
                + " decide when it has ended (nothing was changed)"));
    }

    private int releaseHeld(LocalDate cycleDate, List<String> invoices, String by) {
        return transaction.execute(status -> {
            List<long[]> ids = heldIds(cycleDate, invoices);
            LocalDate today = LocalDate.now(clock);
            for (long[] id : ids) {
                restate(id[0], id[1]);
                decide(id[0], cycleDate, "RELEASED", by, null, null);
                // sent from now on: the customer's terms run from today (late fees count from there)
                MapSqlParameterSource p = new MapSqlParameterSource("id", id[0]);
                jdbc.query("""
                        SELECT i.due_date, a.customer_type FROM invoice i JOIN account a ON a.id = i.account_id
                        WHERE i.id = :id""", p, rs -> {
                    LocalDate due = terms.dueDateOnRelease(rs.getObject(1, LocalDate.class), today, rs.getString(2));
                    jdbc.update("UPDATE invoice SET due_date = :due WHERE id = :id", p.addValue("due", due));
                });
            }
            return ids.size();
        });
    }

    /**
     * A held invoice's statement made again as it leaves, by the rule of every statement
     * (StatementLedger): an invoice issued meanwhile took over the payments and balances it showed
     * and is the customer's last statement, so the released one carries on from that one's amount
     * due, with its own charges; released before the next cycle, it is the statement it was.
     */
    private void restate(long invoiceId, long accountId) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", invoiceId);
        Object[] invoice = jdbc.queryForObject("SELECT invoice_date, total FROM invoice WHERE id = :id", p,
                (rs, n) -> new Object[]{rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)});
        LocalDate invoiceDate = (LocalDate) invoice[0];
        StatementLedger ledger = new StatementLedger(jdbc);
        BigDecimal last = ledger.balanceOnLastStatement(List.of(accountId)).get(accountId);
        List<NewEntry> shown = ledger.unshownEntries(List.of(accountId)).getOrDefault(accountId, List.of()).stream()
                .filter(e -> !e.entry().date().isAfter(invoiceDate)).toList();
        Statement statement = Statement.of(last, shown.stream().map(NewEntry::entry).toList(), (BigDecimal) invoice[1]);
        jdbc.update("""
                UPDATE invoice SET previous_balance = :previous, payments_received = :received,
                    adjustments = :adjustments, amount_due = :amountDue, first_statement = :first WHERE id = :id""",
                p.addValue("previous", statement.previousBalance()).addValue("received", statement.paymentsReceived())
                        .addValue("adjustments", statement.adjustmentsTotal()).addValue("amountDue", statement.amountDue())
                        .addValue("first", last == null));
        for (int taken : ledger.show(shown.stream().map(e -> new MapSqlParameterSource("entry", e.id())
                .addValue("invoice", invoiceId)).toList())) {
            if (taken == 0) {
                throw new Refused("the ledger of invoice " + invoiceId + " changed meanwhile; nothing was changed");
            }
        }
    }

    /**
     * Voids held invoices with a credit note each; returns the credit note numbers, in the
     * order of the invoices.
     *
     * @throws Refused when one of the numbers is not an invoice of the cycle held for review
     */
    public List<String> voidInvoices(LocalDate cycleDate, List<String> invoices, String reason, String by) {
        if (invoices.isEmpty()) {
            throw new Refused("--void needs the invoice numbers (ALL is not accepted for a void)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new Refused("--void needs --reason TEXT (at most 500 characters): why the invoice is cancelled");
        }
        try (RunGuard.Held ignored = guardOrRefuse()) {
            return voidHeld(cycleDate, invoices, reason, by);
        }
    }

    private List<String> voidHeld(LocalDate cycleDate, List<String> invoices, String reason, String by) {
        return transaction.execute(status -> {
            List<String> notes = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            List<long[]> ids = heldIds(cycleDate, invoices);
            // A final bill (close-account) is the closed account's last invoice: voided, nothing
            // would ever bill its service to the last day nor settle its credit. Release it instead.
            for (long[] id : ids) {
                String source = jdbc.queryForObject("SELECT source FROM invoice WHERE id = :id",
                        new MapSqlParameterSource("id", id[0]), String.class);
                if (ca.isp.billing.jobs.support.CloseAccountJob.FINAL.equals(source)) {
                    throw new Refused("invoice " + jdbc.queryForObject("SELECT invoice_number FROM invoice WHERE id = :id",
                            new MapSqlParameterSource("id", id[0]), String.class) + " is a closed account's final bill:"
                            + " it cannot be voided (release it; nothing was changed)");
                }
            }
            for (long[] id : ids) {
                notes.add(voidOne(id[0], id[1], cycleDate, today, reason.strip(), by));
            }
            return notes;
        });
    }

    private String voidOne(long invoiceId, long accountId, LocalDate cycleDate, LocalDate today, String reason,
                           String by) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", invoiceId).addValue("account", accountId);
        BigDecimal total = jdbc.queryForObject("SELECT total FROM invoice WHERE id = :id", p, BigDecimal.class);
        String number = jdbc.queryForObject("SELECT invoice_number FROM invoice WHERE id = :id", p, String.class);
        String name = creditNotes.series(today);
        String note = creditNotes.format(name, series.take(name, 1));
        // The customer never received it: what its statement showed (payments, the balance it
        // brought forward) goes back to the account's next statement; the invoice's own entry and its
        // credit note, which cancel out, stay on its statement, so the customer is asked for neither.
        jdbc.update("""
                UPDATE account_ledger SET statement_invoice_id = NULL
                WHERE statement_invoice_id = :id AND NOT (entry_type = :invoiceEntry AND reference = :number)""",
                p.addValue("invoiceEntry", LedgerEntryType.INVOICE.name()).addValue("number", number));
        // the credit note: minus the invoice's total, dated today
        jdbc.update("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount, statement_invoice_id)
                VALUES (:account, :date, :type, :note, :amount, :id)""", p.addValue("date", today)
                .addValue("type", LedgerEntryType.CREDIT_NOTE.name()).addValue("note", note).addValue("amount", total.negate()));
        // credits it used go back to their payments
        jdbc.query("SELECT payment_id, amount FROM payment_allocation WHERE invoice_id = :id", p, rs -> {
            jdbc.update("UPDATE payment SET unapplied = unapplied + :amount WHERE id = :payment",
                    new MapSqlParameterSource("amount", rs.getBigDecimal(2)).addValue("payment", rs.getLong(1)));
        });
        jdbc.update("DELETE FROM payment_allocation WHERE invoice_id = :id", p);
        jdbc.update("UPDATE invoice SET status = :void, amount_paid = 0 WHERE id = :id",
                p.addValue("void", InvoiceStatus.VOID.name()));
        jdbc.update("UPDATE delivery SET status = :void WHERE invoice_id = :id AND status <> :sent",
                p.addValue("void", DeliveryStatus.VOID.name()).addValue("sent", DeliveryStatus.SENT.name()));
        // what it billed, to be billed again by the account's next invoice
        jdbc.update("UPDATE usage_record SET status = :rated, invoice_id = NULL WHERE invoice_id = :id",
                p.addValue("rated", UsageStatus.RATED.name()));
        jdbc.update("UPDATE late_fee SET billed_invoice_id = NULL WHERE billed_invoice_id = :id", p);
        jdbc.update("UPDATE one_time_charge SET billed_invoice_id = NULL WHERE billed_invoice_id = :id", p);
        reopenQuote(invoiceId, note, reason, by);
        decide(invoiceId, cycleDate, "VOIDED", by, reason, note);
        return note;
    }

    /**
     * A voided quote invoice (invoice-now) gives its quote back: accepted, not invoiced, so the
     * next invoice-now bills it (once). Recorded in quote_reopened with who, why and the credit note.
     */
    private void reopenQuote(long invoiceId, String note, String reason, String by) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", invoiceId);
        for (Long quoteId : jdbc.queryForList("SELECT id FROM quote WHERE invoice_id = :id", p, Long.class)) {
            MapSqlParameterSource q = new MapSqlParameterSource(p.getValues()).addValue("quote", quoteId);
            if (jdbc.update("UPDATE quote SET invoice_id = NULL WHERE id = :quote AND invoice_id = :id", q) != 1) {
                throw new Refused("quote " + quoteId + " changed meanwhile; nothing was changed");
            }
            jdbc.update("""
                    INSERT INTO quote_reopened (quote_id, voided_invoice_id, credit_note, reopened_by, reopened_at, reason)
                    VALUES (:quote, :id, :note, :by, :at, :reason)""", q.addValue("note", note).addValue("by", by)
                    .addValue("at", LocalDateTime.now()).addValue("reason", reason));
        }
    }

    /** The ids (and accounts) of the cycle's invoices held for review, by number; none given = all of them. */
    private List<long[]> heldIds(LocalDate cycleDate, List<String> invoices) {
        Map<String, long[]> held = new LinkedHashMap<>();
        jdbc.query("""
                SELECT invoice_number, id, account_id FROM invoice
                WHERE cycle_date = :cycle AND status = :issued AND review_status = 'HELD' ORDER BY invoice_number""",
                new MapSqlParameterSource("cycle", cycleDate).addValue("issued", InvoiceStatus.ISSUED.name()),
                rs -> {
                    held.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        if (invoices.isEmpty()) {
            return List.copyOf(held.values());
        }
        List<long[]> ids = new ArrayList<>();
        for (String number : invoices) {
            long[] id = held.get(number);
            if (id == null) {
                throw new Refused("invoice " + number + " is not held for review in cycle " + cycleDate
                        + " (./run.sh review --cycle-date " + cycleDate + " lists those that are); nothing was changed");
            }
            ids.add(id);
        }
        return ids;
    }

    private void decide(long invoiceId, LocalDate cycleDate, String decision, String by, String reason, String note) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", invoiceId).addValue("decision", decision);
        if (jdbc.update("UPDATE invoice SET review_status = :decision WHERE id = :id AND review_status IN ('HELD', :decision)",
                p) != 1) {
            throw new Refused("invoice " + invoiceId + " was decided by someone else meanwhile; nothing was changed");
        }
        jdbc.update("""
                INSERT INTO review_decision (invoice_id, cycle_date, decision, decided_by, decided_at, reason, credit_note)
                VALUES (:id, :cycle, :decision, :by, :at, :reason, :note)""", p.addValue("cycle", cycleDate)
                .addValue("by", by).addValue("at", LocalDateTime.now()).addValue("reason", reason).addValue("note", note));
    }
}
