package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.Allocation;
import ca.isp.billing.domain.AllocationResult;
import ca.isp.billing.domain.BadDebtRecovery;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.domain.PaymentAllocator;
import ca.isp.billing.domain.PaymentMethod;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.jobs.ingest.InboxFileTasklet;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.PaymentFormat;
import ca.isp.billing.readers.PaymentRow;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;

/**
 * Applies payment files ({@code var/inbox/payments/*.csv}): each payment is stored once (its
 * reference is unique), allocated to the account's open invoices oldest first, or to the invoice
 * the line names first (PaymentAllocator), and posted to the ledger; on a written-off account what
 * the open invoices leave recovers the written-off amounts, oldest first ({@link WriteOffRecoveries});
 * what nothing takes stays on the ledger as a credit. A payment for an unknown account, or naming an invoice that does not
 * exist (or is another account's), goes to the suspense list with the reason, for an operator to
 * assign ({@link PaymentSuspense}). A reversal line (negative, naming the payment it takes back)
 * reopens what that payment paid ({@link PaymentReversals}). A reference seen again with the same
 * content is a duplicate; with anything else it is rejected. A payment received outside the
 * plausible window (billing.plausible.payment-*) is rejected too.
 */
public class PaymentFileIngester extends InboxFileTasklet<PaymentRow> {

    private static final int BATCH = 500;
    private final NamedParameterJdbcTemplate named;
    private final PaymentAllocator allocator = new PaymentAllocator();
    private final PaymentReversals reversals;

    /**
     * What a payment reference stands for: a repeat is a duplicate only if it names the same
     * account (or invoice), amount and date. For a line in suspense, what the file said.
     */
    record PaymentContent(String accountNumber, String invoiceNumber, BigDecimal amount, LocalDate receivedOn) {

        static PaymentContent of(PaymentRow p) {
            return new PaymentContent(p.accountNumber(), p.invoiceNumber(), p.amount(), p.receivedOn());
        }

        /** Amounts compared by value: 50.0 is 50.00; an account or invoice the line leaves out is not compared. */
        boolean sameAs(PaymentContent line) {
            return (line.accountNumber == null || line.accountNumber.equals(accountNumber))
                    && (line.invoiceNumber == null || line.invoiceNumber.equals(invoiceNumber))
                    && amount.compareTo(line.amount) == 0 && receivedOn.equals(line.receivedOn);
        }

        @Override
        public String toString() {
            return (accountNumber != null ? "account " + accountNumber : "invoice " + invoiceNumber) + ", "
                    + Money.round(amount).toPlainString() + " on " + receivedOn;
        }
    }

    /** An invoice a line names: its id and its account. */
    private record NamedInvoice(long id, long accountId, String accountNumber) {
    }

    public PaymentFileIngester(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties,
                               DateWindow receivedOn, FaultInjection faults, PaymentSettings settings) {
        super("payments", PaymentFormat.within(receivedOn), BATCH, jdbc, transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.reversals = new PaymentReversals(named, settings);
    }

    /** Applies a batch of payments in a few queries; reversals after them, one by one (they are few). */
    @Override
    protected BatchCounts store(List<Parsed.Ok<PaymentRow>> rows, String fileName, long fileId, RejectFileWriter rejects) {
        List<Parsed.Ok<PaymentRow>> payments = rows.stream().filter(r -> !r.row().isReversal()).toList();
        List<Parsed.Ok<PaymentRow>> returned = rows.stream().filter(r -> r.row().isReversal()).toList();
        long stored = 0;
        long duplicates = 0;
        BigDecimal received = BigDecimal.ZERO;
        if (!payments.isEmpty()) {
            PaymentBatch batch = storePayments(payments, fileName, fileId, rejects);
            stored += batch.stored();
            duplicates += batch.duplicates();
            received = batch.money();
        }
        BigDecimal reversed = BigDecimal.ZERO;
        for (Parsed.Ok<PaymentRow> line : returned) {
            PaymentReversals.Outcome outcome = reversals.apply(line, fileName, fileId, rejects);
            if (outcome == PaymentReversals.Outcome.STORED) {
                stored++;
                reversed = reversed.add(line.row().amount().negate());
            } else if (outcome == PaymentReversals.Outcome.DUPLICATE) {
                duplicates++;
            }
        }
        addFileMoney(fileId, received, reversed);
        return new BatchCounts(stored, duplicates);
    }

    private record PaymentBatch(long stored, long duplicates, BigDecimal money) {
    }

    private PaymentBatch storePayments(List<Parsed.Ok<PaymentRow>> rows, String fileName, long fileId,
                                       RejectFileWriter rejects) {
        Map<String, NamedInvoice> invoices = new HashMap<>();
        List<String> invoiceNumbers = rows.stream().map(r -> r.row().invoiceNumber()).filter(Objects::nonNull)
                .distinct().toList();
        if (!invoiceNumbers.isEmpty()) {
            named.query("""
                    SELECT i.invoice_number, i.id, i.account_id, a.account_number
                    FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.invoice_number IN (:numbers)""",
                    new MapSqlParameterSource("numbers", invoiceNumbers), rs -> {
                        invoices.put(rs.getString(1), new NamedInvoice(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    });
        }
        Map<String, Long> accounts = new HashMap<>();
        List<String> accountNumbers = rows.stream().map(r -> r.row().accountNumber()).filter(Objects::nonNull)
                .distinct().toList();
        if (!accountNumbers.isEmpty()) {
            named.query("SELECT account_number, id FROM account WHERE account_number IN (:numbers)",
                    new MapSqlParameterSource("numbers", accountNumbers), rs -> {
                        accounts.put(rs.getString(1), rs.getLong(2));
                    });
        }
        invoices.values().forEach(i -> accounts.put(i.accountNumber(), i.accountId()));
        // References already stored, with what they paid, so a repeat can be told from a clash;
        // a suspense line's content is what its file said (it may have been assigned since).
        Map<String, PaymentContent> known = new HashMap<>();
        MapSqlParameterSource refs = new MapSqlParameterSource("refs",
                rows.stream().map(r -> r.row().paymentRef()).distinct().toList());
        named.query("""
                SELECT p.payment_ref, a.account_number, p.invoice_number, p.amount, p.received_on
                FROM payment p JOIN account a ON a.id = p.account_id WHERE p.payment_ref IN (:refs)""", refs, rs -> {
            known.put(rs.getString(1), new PaymentContent(rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class)));
        });
        named.query("""
                SELECT payment_ref, account_number, invoice_number, amount, received_on
                FROM payment_suspense WHERE payment_ref IN (:refs)""", refs, rs -> {
            known.put(rs.getString(1), new PaymentContent(rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class)));
        });
        Map<String, String> reversalRefs = new HashMap<>();
        named.query("SELECT reversal_ref, original_ref FROM payment_reversal WHERE reversal_ref IN (:refs)", refs, rs -> {
            reversalRefs.put(rs.getString(1), rs.getString(2));
        });
        Map<Long, List<OpenInvoice>> open = new HashMap<>();
        if (!accounts.isEmpty()) {
            named.query("""
                    SELECT account_id, id, invoice_number, due_date, open_amount FROM open_invoice
                    WHERE account_id IN (:ids)""",
                    new MapSqlParameterSource("ids", accounts.values().stream().distinct().toList()), rs -> {
                        open.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OpenInvoice(rs.getLong(2),
                                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)));
                    });
        }
        // what is still written off on these accounts: a payment recovers it once their open invoices are paid
        Map<Long, List<BadDebtRecovery.WrittenOff>> writtenOff = WriteOffRecoveries.writtenOff(named,
                accounts.values().stream().distinct().toList());
        Map<String, WriteOffRecoveries.Pending> recoveries = new HashMap<>();
        List<MapSqlParameterSource> payments = new ArrayList<>();
        List<MapSqlParameterSource> suspense = new ArrayList<>();
        Map<String, List<Allocation>> allocations = new HashMap<>();
        long duplicates = 0;
        BigDecimal money = BigDecimal.ZERO;
        for (Parsed.Ok<PaymentRow> ok : rows) {
            PaymentRow p = ok.row();
            if (reversalRefs.containsKey(p.paymentRef())) {
                rejects.write(new Reject(fileName, ok.line(), "payment_ref", "payment_ref '" + p.paymentRef()
                        + "' was already used for the reversal of '" + reversalRefs.get(p.paymentRef()) + "'", ok.raw()));
                continue;
            }
            PaymentContent content = PaymentContent.of(p);
            PaymentContent earlier = known.putIfAbsent(p.paymentRef(), content);
            if (earlier != null) {
                if (earlier.sameAs(content)) {
                    duplicates++;
                } else {
                    // Another payment under a used reference: skipping it as a duplicate would lose it.
                    rejects.write(new Reject(fileName, ok.line(), "payment_ref",
                            "payment_ref '" + p.paymentRef() + "' was already used for " + earlier, ok.raw()));
                }
                continue;
            }
            money = money.add(p.amount());
            String unplaced = whyInSuspense(p, accounts, invoices);
            if (unplaced != null) {
                // Money nobody can be credited with yet: kept, listed, assigned later by an operator.
                suspense.add(new MapSqlParameterSource("ref", p.paymentRef()).addValue("account", p.accountNumber())
                        .addValue("invoice", p.invoiceNumber()).addValue("received", p.receivedOn())
                        .addValue("amount", p.amount()).addValue("method", method(p.method()))
                        .addValue("cheque", p.chequeNumber()).addValue("batch", p.depositBatch())
                        .addValue("file", fileId).addValue("line", ok.line()).addValue("reason", unplaced)
                        .addValue("status", PaymentSuspense.OPEN));
                continue;
            }
            NamedInvoice invoice = p.invoiceNumber() == null ? null : invoices.get(p.invoiceNumber());
            long accountId = invoice != null ? invoice.accountId() : accounts.get(p.accountNumber());
            AllocationResult result = allocator.allocate(p.amount(), open.getOrDefault(accountId, List.of()),
                    invoice == null ? null : invoice.id());
            open.put(accountId, remaining(open.getOrDefault(accountId, List.of()), result.allocations()));
            BadDebtRecovery.Result recovery = BadDebtRecovery.recover(result.unapplied(),
                    writtenOff.getOrDefault(accountId, List.of()));
            if (!recovery.recovered().isEmpty()) {
                recoveries.put(p.paymentRef(), new WriteOffRecoveries.Pending(accountId, p.receivedOn(), recovery));
                writtenOff.put(accountId, BadDebtRecovery.remaining(writtenOff.get(accountId), recovery));
            }
            allocations.put(p.paymentRef(), WriteOffRecoveries.withRecovered(result.allocations(), recovery));
            payments.add(new MapSqlParameterSource("ref", p.paymentRef()).addValue("account", accountId)
                    .addValue("received", p.receivedOn()).addValue("amount", p.amount())
                    .addValue("negative", p.amount().negate()).addValue("method", method(p.method()))
                    .addValue("unapplied", recovery.left()).addValue("file", fileId)
                    .addValue("invoice", p.invoiceNumber()).addValue("batch", p.depositBatch())
                    .addValue("cheque", p.chequeNumber())
                    .addValue("entryType", LedgerEntryType.PAYMENT.name()));
        }
        named.batchUpdate("""
                INSERT INTO payment_suspense (payment_ref, account_number, invoice_number, received_on, amount, method,
                    cheque_number, deposit_batch, file_id, line_no, reason, status)
                VALUES (:ref, :account, :invoice, :received, :amount, :method, :cheque, :batch, :file, :line, :reason,
                    :status)""", suspense.toArray(MapSqlParameterSource[]::new));
        MapSqlParameterSource[] batch = payments.toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO payment (payment_ref, account_id, received_on, amount, method, unapplied, file_id,
                    invoice_number, deposit_batch, cheque_number)
                VALUES (:ref, :account, :received, :amount, :method, :unapplied, :file, :invoice, :batch, :cheque)""",
                batch);
        named.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :received, :entryType, :ref, :negative)""", batch);
        if (!payments.isEmpty()) {
            writeAllocations(named, allocations);
            WriteOffRecoveries.write(named, recoveries);
        }
        return new PaymentBatch(payments.size() + suspense.size(), duplicates, money);
    }

    /**
     * Why a payment cannot be credited to an account yet (null: it can): an invoice it names that
     * does not exist or is another account's, or an account that does not exist.
     */
    private static String whyInSuspense(PaymentRow p, Map<String, Long> accounts, Map<String, NamedInvoice> invoices) {
        if (p.invoiceNumber() != null) {
            NamedInvoice invoice = invoices.get(p.invoiceNumber());
            if (invoice == null) {
                return "unknown invoice '" + p.invoiceNumber() + "'"
                        + (p.accountNumber() != null && !accounts.containsKey(p.accountNumber())
                        ? " and unknown account '" + p.accountNumber() + "'" : "");
            }
            if (p.accountNumber() != null && !p.accountNumber().equals(invoice.accountNumber())) {
                return "invoice '" + p.invoiceNumber() + "' is account " + invoice.accountNumber() + "'s, not "
                        + p.accountNumber() + "'s";
            }
            return null;
        }
        return accounts.containsKey(p.accountNumber()) ? null : "unknown account '" + p.accountNumber() + "'";
    }

    /** A method the file names in a usual spelling is stored by its name (CHEQUE); any other text as written. */
    static String method(String text) {
        PaymentMethod method = PaymentMethod.of(text);
        return method != null ? method.name() : text;
    }

    /** Allocation rows of payments just stored (by reference), and what they pay on each invoice. */
    static void writeAllocations(NamedParameterJdbcTemplate named, Map<String, List<Allocation>> allocations) {
        Map<String, Long> ids = new HashMap<>();
        named.query("SELECT payment_ref, id FROM payment WHERE payment_ref IN (:refs)",
                new MapSqlParameterSource("refs", allocations.keySet()), rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<MapSqlParameterSource> allocationRows = new ArrayList<>();
        allocations.forEach((ref, list) -> list.forEach(a -> allocationRows.add(new MapSqlParameterSource(
                "payment", ids.get(ref)).addValue("invoice", a.invoiceId()).addValue("amount", a.amount()))));
        MapSqlParameterSource[] allocationBatch = allocationRows.toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("INSERT INTO payment_allocation (payment_id, invoice_id, amount) VALUES (:payment, :invoice, :amount)",
                allocationBatch);
        named.batchUpdate("UPDATE invoice SET amount_paid = amount_paid + :amount WHERE id = :invoice", allocationBatch);
    }

    /** The file's money so far (several batches add up), in the file's transaction. */
    private void addFileMoney(long fileId, BigDecimal received, BigDecimal reversed) {
        int updated = jdbc.update("UPDATE payment_file_money SET received = received + ?, reversed = reversed + ? WHERE file_id = ?",
                received, reversed, fileId);
        if (updated == 0) {
            jdbc.update("INSERT INTO payment_file_money (file_id, received, reversed) VALUES (?, ?, ?)", fileId, received,
                    reversed);
        }
    }

    /** The open invoices left after an allocation, for the next payment of the same account. */
    static List<OpenInvoice> remaining(List<OpenInvoice> open, List<Allocation> allocations) {
        Map<Long, BigDecimal> paid = new HashMap<>();
        allocations.forEach(a -> paid.put(a.invoiceId(), a.amount()));
        List<OpenInvoice> left = new ArrayList<>();
        for (OpenInvoice invoice : open) {
            BigDecimal stillOpen = invoice.openAmount().subtract(paid.getOrDefault(invoice.invoiceId(), BigDecimal.ZERO));
            if (stillOpen.signum() > 0) {
                left.add(new OpenInvoice(invoice.invoiceId(), invoice.invoiceNumber(), invoice.dueDate(), stillOpen));
            }
        }
        return left;
    }
}
