package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.Allocation;
import ca.isp.billing.domain.BadDebtRecovery;
import ca.isp.billing.domain.LedgerEntryType;

/**
 * Bad-debt recoveries of payments (BadDebtRecovery): what a payment on a written-off account has
 * left after its open invoices goes to the written-off amounts, oldest first. Used by the payment
 * files and by the suspense assignments, in their transaction. Per payment that recovers:
 * write_off_recovery rows, the invoices' amount_written_off down (their amount_paid goes up with
 * the payment's allocation rows, which include what was recovered), and a RECOVERY ledger entry of
 * plus the recovered total under the payment's reference (the debt reinstated; the PAYMENT entry
 * takes it off again).
 */
final class WriteOffRecoveries {

    /** A payment's recovery, waiting for the payment's id. */
    record Pending(long accountId, LocalDate receivedOn, BadDebtRecovery.Result result) {
    }

    private WriteOffRecoveries() {
    }

    /** Per account, what is still written off of each of its write-offs (accounts with none are left out). */
    static Map<Long, List<BadDebtRecovery.WrittenOff>> writtenOff(NamedParameterJdbcTemplate named,
                                                                  Collection<Long> accountIds) {
        Map<Long, List<BadDebtRecovery.WrittenOff>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        named.query("""
                SELECT w.account_id, w.id, w.invoice_id, i.invoice_number, w.due_date, w.sequence_no,
                    w.amount - COALESCE((SELECT SUM(r.amount) FROM write_off_recovery r WHERE r.write_off_id = w.id), 0)
                FROM write_off w JOIN invoice i ON i.id = w.invoice_id
                WHERE w.account_id IN (:ids)""", new MapSqlParameterSource("ids", List.copyOf(accountIds)), rs -> {
                    BigDecimal outstanding = rs.getBigDecimal(7);
                    if (outstanding.signum() > 0) {
                        byAccount.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new BadDebtRecovery.WrittenOff(
                                rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                                rs.getInt(6), outstanding));
                    }
                });
        return byAccount;
    }

    /**
     * A payment's allocations with what it recovered added, one per invoice (an invoice may have an
     * open part the payment paid and a written-off part it recovered).
     */
    static List<Allocation> withRecovered(List<Allocation> allocations, BadDebtRecovery.Result recovery) {
        Map<Long, BigDecimal> byInvoice = new LinkedHashMap<>();
        allocations.forEach(a -> byInvoice.merge(a.invoiceId(), a.amount(), BigDecimal::add));
        recovery.recovered().forEach(r -> byInvoice.merge(r.invoiceId(), r.amount(), BigDecimal::add));
        List<Allocation> merged = new ArrayList<>();
        byInvoice.forEach((invoice, amount) -> merged.add(new Allocation(invoice, amount)));
        return merged;
    }

    /** Writes the recoveries of payments just stored (by reference). */
    static void write(NamedParameterJdbcTemplate named, Map<String, Pending> byPaymentRef) {
        if (byPaymentRef.isEmpty()) {
            return;
        }
        Map<String, Long> ids = new HashMap<>();
        named.query("SELECT payment_ref, id FROM payment WHERE payment_ref IN (:refs)",
                new MapSqlParameterSource("refs", byPaymentRef.keySet()), rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<MapSqlParameterSource> entries = new ArrayList<>();
        byPaymentRef.forEach((ref, pending) -> {
            for (BadDebtRecovery.Recovered r : pending.result().recovered()) {
                rows.add(new MapSqlParameterSource("payment", ids.get(ref)).addValue("writeOff", r.writeOffId())
                        .addValue("invoice", r.invoiceId()).addValue("account", pending.accountId())
                        .addValue("amount", r.amount()).addValue("date", pending.receivedOn()));
            }
            entries.add(new MapSqlParameterSource("account", pending.accountId()).addValue("date", pending.receivedOn())
                    .addValue("type", LedgerEntryType.RECOVERY.name()).addValue("ref", ref)
                    .addValue("amount", pending.result().total()));
        });
        MapSqlParameterSource[] batch = rows.toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO write_off_recovery (payment_id, write_off_id, invoice_id, account_id, amount, recovered_on)
                VALUES (:payment, :writeOff, :invoice, :account, :amount, :date)""", batch);
        named.batchUpdate("UPDATE invoice SET amount_written_off = amount_written_off - :amount WHERE id = :invoice", batch);
        named.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :date, :type, :ref, :amount)""", entries.toArray(MapSqlParameterSource[]::new));
    }
}
