package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.PaymentReversal;
import ca.isp.billing.domain.ReversalReason;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.PaymentRow;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;

/**
 * A returned payment (an NSF cheque, a chargeback), read as a negative line of a payment file
 * that names the payment it takes back ({@code reverses}). What that payment paid is open again:
 * each invoice's {@code amount_paid} goes down by what the payment gave it (kept in
 * {@code reversal_reopened}, the allocation rows removed), a credit it left is taken back, and a
 * REVERSAL ledger entry puts its amount back on the account. An NSF reversal also charges the
 * configured fee ({@code billing.payments.nsf-fee}), billed on the account's next invoice as an
 * NSF_FEE line (not on a WRITTEN_OFF account: it gets no invoice). A reversal may take back part
 * of a payment (a partial chargeback): what it takes is decided by domain.PaymentReversal (the
 * credit the payment left first, then the invoices it paid, the most recent first), and the
 * reversals of one payment add up to at most its amount. A payment still in suspense is marked
 * REVERSED (no account to charge), and only whole. The same reversal line again is a duplicate
 * that changes nothing.
 */
class PaymentReversals {

    enum Outcome { STORED, DUPLICATE, REJECTED }

    private final NamedParameterJdbcTemplate named;
    private final PaymentSettings settings;

    PaymentReversals(NamedParameterJdbcTemplate named, PaymentSettings settings) {
        this.named = named;
        this.settings = settings;
    }

    private record Original(long id, long accountId, String accountNumber, BigDecimal amount, String method,
                            BigDecimal unapplied) {
    }

    Outcome apply(Parsed.Ok<PaymentRow> line, String fileName, long fileId, RejectFileWriter rejects) {
        PaymentRow r = line.row();
        BigDecimal amount = r.amount().negate();
        MapSqlParameterSource ref = new MapSqlParameterSource("ref", r.paymentRef()).addValue("original", r.reverses());
        // this reversal line seen before?
        List<Map<String, Object>> earlier = named.queryForList("""
                SELECT original_ref, amount, received_on FROM payment_reversal WHERE reversal_ref = :ref""", ref);
        if (!earlier.isEmpty()) {
            Map<String, Object> e = earlier.get(0);
            boolean same = r.reverses().equals(e.get("original_ref"))
                    && amount.compareTo((BigDecimal) e.get("amount")) == 0
                    && r.receivedOn().equals(date(e.get("received_on")));
            if (same) {
                return Outcome.DUPLICATE;
            }
            return reject(rejects, fileName, line, "payment_ref", "payment_ref '" + r.paymentRef()
                    + "' was already used for the reversal of '" + e.get("original_ref") + "', "
                    + Money.round((BigDecimal) e.get("amount")).toPlainString() + " on " + date(e.get("received_on")));
        }
        if (count("SELECT COUNT(*) FROM payment WHERE payment_ref = :ref", ref)
                + count("SELECT COUNT(*) FROM payment_suspense WHERE payment_ref = :ref", ref) > 0) {
            return reject(rejects, fileName, line, "payment_ref", "payment_ref '" + r.paymentRef()
                    + "' is a payment's reference: a reversal needs a reference of its own");
        }
        List<Original> originals = named.query("""
                SELECT p.id, p.account_id, a.account_number, p.amount, p.method, p.unapplied
                FROM payment p JOIN account a ON a.id = p.account_id WHERE p.payment_ref = :original""", ref,
                (rs, n) -> new Original(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getBigDecimal(6)));
        if (originals.isEmpty()) {
            return reverseSuspense(line, fileName, fileId, rejects, amount);
        }
        Original original = originals.get(0);
        BigDecimal reversedBefore = named.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM payment_reversal WHERE payment_id = :payment",
                new MapSqlParameterSource("payment", original.id()), BigDecimal.class);
        String refusal = PaymentReversal.refusal(original.amount(), reversedBefore, amount);
        if (refusal != null) {
            return reject(rejects, fileName, line, "amount", "payment '" + r.reverses() + "': " + refusal);
        }
        if (r.accountNumber() != null && !r.accountNumber().equals(original.accountNumber())) {
            return reject(rejects, fileName, line, "account_number", "payment '" + r.reverses() + "' is account "
                    + original.accountNumber() + "'s, not " + r.accountNumber() + "'s");
        }
        ReversalReason reason = r.reversalReason() != null ? r.reversalReason() : ReversalReason.defaultFor(original.method());
        // what the payment pays now, invoice by invoice (a credit it left may have paid later invoices)
        MapSqlParameterSource payment = new MapSqlParameterSource("payment", original.id());
        List<PaymentReversal.Paid> paid = named.query("""
                SELECT x.invoice_id, i.invoice_number, i.invoice_date, x.amount
                FROM payment_allocation x JOIN invoice i ON i.id = x.invoice_id WHERE x.payment_id = :payment""",
                payment, (rs, n) -> new PaymentReversal.Paid(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)));
        String unreachable = PaymentReversal.beyondReach(amount, original.unapplied(), paid);
        if (unreachable != null) {
            return reject(rejects, fileName, line, "amount", "payment '" + r.reverses() + "': " + unreachable);
        }
        PaymentReversal.Outcome taken = PaymentReversal.takeBack(amount, original.unapplied(), paid);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("""
                INSERT INTO payment_reversal (reversal_ref, original_ref, payment_id, account_id, received_on, amount,
                    reason, credit_taken, file_id)
                VALUES (:ref, :original, :payment, :account, :received, :amount, :reason, :credit, :file)""",
                new MapSqlParameterSource(ref.getValues()).addValue("payment", original.id())
                        .addValue("account", original.accountId()).addValue("received", r.receivedOn())
                        .addValue("amount", amount).addValue("reason", reason.name())
                        .addValue("credit", taken.creditTaken()).addValue("file", fileId), key, new String[]{"id"});
        long reversalId = key.getKey().longValue();
        MapSqlParameterSource[] reopened = taken.reopened().stream().map(x -> new MapSqlParameterSource("reversal",
                reversalId).addValue("payment", original.id()).addValue("invoice", x.invoiceId())
                .addValue("amount", x.amount())).toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO reversal_reopened (reversal_id, invoice_id, amount) VALUES (:reversal, :invoice, :amount)""",
                reopened);
        named.batchUpdate("UPDATE invoice SET amount_paid = amount_paid - :amount WHERE id = :invoice", reopened);
        named.batchUpdate("""
                UPDATE payment_allocation SET amount = amount - :amount
                WHERE payment_id = :payment AND invoice_id = :invoice""", reopened);
        named.update("DELETE FROM payment_allocation WHERE payment_id = :payment AND amount = 0", payment);
        named.update("UPDATE payment SET unapplied = unapplied - :credit WHERE id = :payment",
                new MapSqlParameterSource("payment", original.id()).addValue("credit", taken.creditTaken()));
        named.update("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :received, :type, :ref, :amount)""", new MapSqlParameterSource("account",
                original.accountId()).addValue("received", r.receivedOn()).addValue("type", LedgerEntryType.REVERSAL.name())
                .addValue("ref", r.paymentRef()).addValue("amount", amount));
        BigDecimal fee = Money.round(settings.nsfFee());
        if (reason.chargesFee() && fee.signum() > 0 && !billedNoMore(original.accountId())) {
            chargeFee(r, original, reversalId, fee);
        }
        return Outcome.STORED;
    }

    /**
     * A WRITTEN_OFF or CLOSED account is not billed any more: an NSF fee would wait for an invoice
     * that never comes, so it is not charged (what the reversal reopens stays owed: written off
     * again by collections, or collected from the closed account).
     */
    private boolean billedNoMore(long accountId) {
        return count("SELECT COUNT(*) FROM account WHERE id = :id AND status IN (:statuses)",
                new MapSqlParameterSource("id", accountId).addValue("statuses",
                        List.of(AccountStatus.WRITTEN_OFF.name(), AccountStatus.CLOSED.name()))) > 0;
    }

    /** The NSF fee as a pending charge of its own line type, billed by the account's next invoice. */
    private void chargeFee(PaymentRow r, Original original, long reversalId, BigDecimal fee) {
        String chargeRef = "NSF-" + r.paymentRef();
        if (chargeRef.length() > 60) {
            chargeRef = "NSF-R" + reversalId;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("""
                INSERT INTO one_time_charge (charge_ref, account_id, charge_date, amount, description_en, description_fr,
                    reason, line_type)
                VALUES (:ref, :account, :date, :amount, :en, :fr, :reason, :type)""",
                new MapSqlParameterSource("ref", chargeRef).addValue("account", original.accountId())
                        .addValue("date", r.receivedOn()).addValue("amount", fee)
                        .addValue("en", "Returned payment fee: " + r.reverses() + " returned " + r.receivedOn())
                        .addValue("fr", "Frais de paiement refusé : " + r.reverses() + " retourné le " + r.receivedOn())
                        .addValue("reason", "payment " + r.reverses() + " returned unpaid (NSF), reversal " + r.paymentRef()
                                + "; billing.payments.nsf-fee " + fee.toPlainString())
                        .addValue("type", LineType.NSF_FEE.name()), key, new String[]{"id"});
        named.update("UPDATE payment_reversal SET fee_charge_id = :charge WHERE id = :id",
                new MapSqlParameterSource("charge", key.getKey().longValue()).addValue("id", reversalId));
    }

    /** A payment still in suspense came back: nothing was credited, it leaves the list as REVERSED. */
    private Outcome reverseSuspense(Parsed.Ok<PaymentRow> line, String fileName, long fileId, RejectFileWriter rejects,
                                    BigDecimal amount) {
        PaymentRow r = line.row();
        List<Map<String, Object>> suspended = named.queryForList("""
                SELECT id, amount, status FROM payment_suspense WHERE payment_ref = :original""",
                new MapSqlParameterSource("original", r.reverses()));
        if (suspended.isEmpty()) {
            return reject(rejects, fileName, line, "reverses", "no payment has the reference '" + r.reverses()
                    + "' (neither applied nor in suspense): nothing to reverse");
        }
        Map<String, Object> s = suspended.get(0);
        if (!PaymentSuspense.OPEN.equals(s.get("status"))) {
            return reject(rejects, fileName, line, "reverses", "payment '" + r.reverses() + "' in suspense is "
                    + s.get("status"));
        }
        if (((BigDecimal) s.get("amount")).compareTo(amount) != 0) {
            return reject(rejects, fileName, line, "amount", "payment '" + r.reverses() + "' was "
                    + Money.round((BigDecimal) s.get("amount")).toPlainString()
                    + ": a reversal takes back the whole payment, not " + Money.round(amount).toPlainString());
        }
        long suspenseId = ((Number) s.get("id")).longValue();
        ReversalReason reason = r.reversalReason() != null ? r.reversalReason() : ReversalReason.NSF;
        named.update("""
                INSERT INTO payment_reversal (reversal_ref, original_ref, suspense_id, received_on, amount, reason,
                    credit_taken, file_id)
                VALUES (:ref, :original, :suspense, :received, :amount, :reason, 0, :file)""",
                new MapSqlParameterSource("ref", r.paymentRef()).addValue("original", r.reverses())
                        .addValue("suspense", suspenseId).addValue("received", r.receivedOn()).addValue("amount", amount)
                        .addValue("reason", reason.name()).addValue("file", fileId));
        named.update("UPDATE payment_suspense SET status = :status WHERE id = :id AND status = :open",
                new MapSqlParameterSource("status", PaymentSuspense.REVERSED).addValue("id", suspenseId)
                        .addValue("open", PaymentSuspense.OPEN));
        return Outcome.STORED;
    }

    private static Outcome reject(RejectFileWriter rejects, String fileName, Parsed.Ok<PaymentRow> line, String field,
                                  String reason) {
        rejects.write(new Reject(fileName, line.line(), field, reason, line.raw()));
        return Outcome.REJECTED;
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long n = named.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

}
