package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.LedgerEntry;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.jobs.issue.InvoiceToIssue.NewEntry;
import ca.isp.billing.jobs.support.KeyedUpdate;

/**
 * The ledger as the customer was told it. Each entry is shown on one statement
 * ({@code statement_invoice_id}), but only a statement the customer received counts: an invoice
 * held by the review gate was not sent, a voided one never will be. So the previous balance of a
 * statement is the sum of the entries shown on the statements received; the entries it shows are
 * those no received statement has shown yet (a held invoice's payments and opening balances are
 * taken over by the next statement made), but for the charges of an invoice still held: they are
 * no debt of the customer's until that invoice is released and sent, with its own statement then.
 */
public final class StatementLedger {

    /** The invoice {@code s} a statement belongs to was received: not voided, not waiting for review. */
    static final String RECEIVED = "s.status <> 'VOID' AND (s.review_status IS NULL OR s.review_status <> 'HELD')";

    private final NamedParameterJdbcTemplate jdbc;

    public StatementLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per account, what its statements received so far ask for (the amount due of the last
     * one); no entry: the account has received no statement yet.
     */
    public Map<Long, BigDecimal> balanceOnLastStatement(Collection<Long> accountIds) {
        Map<Long, BigDecimal> balances = new HashMap<>();
        jdbc.query("""
                SELECT l.account_id, SUM(l.amount) FROM account_ledger l JOIN invoice s ON s.id = l.statement_invoice_id
                WHERE l.account_id IN (:ids) AND\s""" + RECEIVED + " GROUP BY l.account_id",
                new MapSqlParameterSource("ids", accountIds),
                rs -> {
                    balances.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return balances;
    }

    /**
     * Per account, the entries no received statement has shown (oldest first): not shown at all,
     * or shown on a statement still held for review, but for held invoices' own charges.
     */
    public Map<Long, List<NewEntry>> unshownEntries(Collection<Long> accountIds) {
        Map<Long, List<NewEntry>> entries = new HashMap<>();
        jdbc.query("""
                SELECT l.account_id, l.id, l.entry_type, l.entry_date, l.reference, l.amount FROM account_ledger l
                LEFT JOIN invoice s ON s.id = l.statement_invoice_id
                WHERE l.account_id IN (:ids)
                  AND (l.statement_invoice_id IS NULL OR (s.status = 'ISSUED' AND s.review_status = 'HELD'
                       AND NOT (l.entry_type = :invoiceEntry AND l.reference = s.invoice_number)))
                ORDER BY l.account_id, l.entry_date, l.id""",
                new MapSqlParameterSource("ids", accountIds).addValue("invoiceEntry", LedgerEntryType.INVOICE.name()),
                rs -> {
                    entries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new NewEntry(rs.getLong(2),
                            new LedgerEntry(LedgerEntryType.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                                    rs.getString(5), rs.getBigDecimal(6))));
                });
        return entries;
    }

    /**
     * Marks entries as shown on a statement; each must be unshown or shown on a statement held for
     * review (which gives it up). Returns how many were taken per entry (0: someone else took it).
     */
    public int[] show(List<MapSqlParameterSource> entryAndInvoice) {
        return jdbc.batchUpdate("UPDATE account_ledger SET statement_invoice_id = :invoice WHERE id = :entry AND "
                + SHOWABLE, entryAndInvoice.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * The same for many entries in one statement per few hundred ({@link KeyedUpdate}); returns how
     * many entries were taken in all (fewer than given: someone else took one, or one was given twice).
     */
    public int showAll(List<MapSqlParameterSource> entryAndInvoice) {
        return KeyedUpdate.update(jdbc.getJdbcOperations(), "account_ledger", "id", List.of("statement_invoice_id"),
                null, SHOWABLE, entryAndInvoice.stream()
                        .map(e -> new Object[]{e.getValue("entry"), e.getValue("invoice")}).toList());
    }

    /** An entry no statement shows, or one a statement held for review shows (which gives it up). */
    private static final String SHOWABLE = """
            (statement_invoice_id IS NULL OR statement_invoice_id IN (
                SELECT s.id FROM invoice s WHERE s.status = 'ISSUED' AND s.review_status = 'HELD'))""";
}
