package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.AllocationResult;
import ca.isp.billing.domain.BadDebtRecovery;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.domain.PaymentAllocator;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * The payment suspense list ({@code run.sh payments suspense}): money received for an account or
 * an invoice we do not know, kept with its file, line and reason until an operator assigns it
 * ({@code run.sh payments assign REF ACCOUNT}). Assigning makes it a payment of the same
 * reference, dated as received, allocated oldest first and posted to the account's ledger, and
 * records who assigned it and when. Assigning again to the same account changes nothing; to
 * another account, or to an account that does not exist, is refused with the reason. Decisions
 * are not taken while a billing run holds the run guard (a payment run could meet it half-made).
 */
@Component
public class PaymentSuspense {

    public static final String OPEN = "OPEN";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String REVERSED = "REVERSED";

    /** One line of the list. */
    public record Line(String paymentRef, String accountNumber, String invoiceNumber, LocalDate receivedOn,
                       BigDecimal amount, String method, String depositBatch, String file, long line, String reason,
                       String status, String assignedTo, String assignedBy, LocalDateTime assignedAt) {
    }

    /** What an assignment did: assigned now, or found already assigned to that account. */
    public record Assignment(String paymentRef, String accountNumber, BigDecimal amount, BigDecimal credit,
                             boolean alreadyAssigned, String by, LocalDateTime at) {
    }

    /** An assignment refused as a whole, with the reason (nothing was changed). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final RunGuard guard;
    private final PaymentAllocator allocator = new PaymentAllocator();

    public PaymentSuspense(NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager, RunGuard guard) {
        this.named = named;
        this.transaction = new TransactionTemplate(transactionManager);
        this.guard = guard;
    }

    /** Every line ever put in suspense, open ones first, then by date received. */
    public List<Line> lines() {
        return named.query("""
                SELECT s.payment_ref, s.account_number, s.invoice_number, s.received_on, s.amount, s.method,
                    s.deposit_batch, f.file_name, s.line_no, s.reason, s.status, a.account_number AS assigned_to,
                    s.assigned_by, s.assigned_at
                FROM payment_suspense s JOIN ingested_file f ON f.id = s.file_id
                LEFT JOIN account a ON a.id = s.assigned_account_id
                ORDER BY CASE WHEN s.status = 'OPEN' THEN 0 ELSE 1 END, s.received_on, s.payment_ref""",
                Map.of(), (rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toLocalDateTime()));
    }

    /** How many lines wait and their money: for status. */
    public Map<String, Object> open() {
        return named.queryForMap("""
                SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount FROM payment_suspense WHERE status = 'OPEN'""",
                Map.of());
    }

    /**
     * Assigns the suspense line of that reference to the account.
     *
     * @throws Refused for an unknown reference or account, a line reversed or assigned to another
     *                 account, or while a billing run is in progress
     */
    public Assignment assign(String paymentRef, String accountNumber, String by) {
        try (RunGuard.Held ignored = guard.tryAcquire().orElseThrow(() -> new Refused(
                "a billing run is in progress on this database: assign when it has ended (nothing was changed)"))) {
            return transaction.execute(status -> assignLocked(paymentRef, accountNumber, by));
        }
    }

    /** A DATETIME as H2 (Timestamp) and Connector/J (LocalDateTime) give it. */
    private static LocalDateTime dateTime(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private Assignment assignLocked(String paymentRef, String accountNumber, String by) {
        MapSqlParameterSource p = new MapSqlParameterSource("ref", paymentRef).addValue("account", accountNumber);
        List<Map<String, Object>> found = named.queryForList("""
                SELECT s.id, s.received_on, s.amount, s.method, s.file_id, s.invoice_number, s.deposit_batch,
                    s.cheque_number, s.status, a.account_number AS assigned_to, s.assigned_by, s.assigned_at, p.unapplied
                FROM payment_suspense s LEFT JOIN account a ON a.id = s.assigned_account_id
                LEFT JOIN payment p ON p.id = s.payment_id
                WHERE s.payment_ref = :ref""", p);
        if (found.isEmpty()) {
            throw new Refused("no payment in suspense has the reference '" + paymentRef + "' (./run.sh payments suspense"
                    + " lists them)");
        }
        Map<String, Object> s = found.get(0);
        List<Long> accounts = named.queryForList("SELECT id FROM account WHERE account_number = :account", p, Long.class);
        if (accounts.isEmpty()) {
            throw new Refused("unknown account '" + accountNumber + "': import it first (nothing was changed)");
        }
        BigDecimal amount = (BigDecimal) s.get("amount");
        if (ASSIGNED.equals(s.get("status"))) {
            if (accountNumber.equals(s.get("assigned_to"))) {
                return new Assignment(paymentRef, accountNumber, amount, (BigDecimal) s.get("unapplied"), true,
                        (String) s.get("assigned_by"), dateTime(s.get("assigned_at")));
            }
            throw new Refused("payment '" + paymentRef + "' was assigned to account " + s.get("assigned_to") + " by "
                    + s.get("assigned_by") + " at " + s.get("assigned_at") + ": not assigned again");
        }
        if (!OPEN.equals(s.get("status"))) {
            throw new Refused("payment '" + paymentRef + "' is " + s.get("status") + ": nothing to assign");
        }
        long accountId = accounts.get(0);
        LocalDate receivedOn = s.get("received_on") instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) s.get("received_on");
        List<OpenInvoice> open = named.query("""
                SELECT id, invoice_number, due_date, open_amount FROM open_invoice WHERE account_id = :id""",
                new MapSqlParameterSource("id", accountId), (rs, n) -> new OpenInvoice(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)));
        AllocationResult result = allocator.allocate(amount, open);
        // on a written-off account, what the open invoices leave is a bad-debt recovery
        BadDebtRecovery.Result recovery = BadDebtRecovery.recover(result.unapplied(),
                WriteOffRecoveries.writtenOff(named, List.of(accountId)).getOrDefault(accountId, List.of()));
        MapSqlParameterSource payment = new MapSqlParameterSource("ref", paymentRef).addValue("account", accountId)
                .addValue("received", receivedOn).addValue("amount", amount).addValue("negative", amount.negate())
                .addValue("method", s.get("method")).addValue("unapplied", recovery.left())
                .addValue("file", s.get("file_id")).addValue("invoice", s.get("invoice_number"))
                .addValue("batch", s.get("deposit_batch")).addValue("cheque", s.get("cheque_number"))
                .addValue("entryType", LedgerEntryType.PAYMENT.name());
        named.update("""
                INSERT INTO payment (payment_ref, account_id, received_on, amount, method, unapplied, file_id,
                    invoice_number, deposit_batch, cheque_number)
                VALUES (:ref, :account, :received, :amount, :method, :unapplied, :file, :invoice, :batch, :cheque)""",
                payment);
        named.update("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :received, :entryType, :ref, :negative)""", payment);
        PaymentFileIngester.writeAllocations(named,
                Map.of(paymentRef, WriteOffRecoveries.withRecovered(result.allocations(), recovery)));
        if (!recovery.recovered().isEmpty()) {
            WriteOffRecoveries.write(named, Map.of(paymentRef, new WriteOffRecoveries.Pending(accountId, receivedOn,
                    recovery)));
        }
        LocalDateTime now = LocalDateTime.now();
        int updated = named.update("""
                UPDATE payment_suspense SET status = :assigned, assigned_account_id = :account, assigned_by = :by,
                    assigned_at = :at, payment_id = (SELECT id FROM payment WHERE payment_ref = :ref)
                WHERE payment_ref = :ref AND status = :open""", new MapSqlParameterSource("assigned", ASSIGNED)
                .addValue("account", accountId).addValue("by", by).addValue("at", Timestamp.valueOf(now))
                .addValue("ref", paymentRef).addValue("open", OPEN));
        if (updated != 1) {
            throw new IllegalStateException("payment '" + paymentRef + "' left suspense while being assigned");
        }
        return new Assignment(paymentRef, accountNumber, amount, recovery.left(), false, by, now);
    }
}
