package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.Allocation;
import ca.isp.billing.domain.AllocationResult;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.domain.PaymentAllocator;
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
 * reference is unique), allocated to the account's open invoices oldest first
 * (PaymentAllocator), and posted to the ledger. A payment for an unknown account is rejected
 * with its line; what no invoice takes stays on the ledger as a credit. A reference seen again
 * with the same account, amount and date is a duplicate; with anything else it is rejected. A
 * payment received outside the plausible window (billing.plausible.payment-*) is rejected too.
 */
public class PaymentFileIngester extends InboxFileTasklet<PaymentRow> {

    private static final int BATCH = 500;
    private final NamedParameterJdbcTemplate named;
    private final PaymentAllocator allocator = new PaymentAllocator();

    /** What a payment reference stands for: a repeat is a duplicate only if all three are the same. */
    private record PaymentContent(String accountNumber, BigDecimal amount, LocalDate receivedOn) {

        static PaymentContent of(PaymentRow p) {
            return new PaymentContent(p.accountNumber(), p.amount(), p.receivedOn());
        }

        /** Amounts compared by value: 50.0 is 50.00. */
        boolean sameAs(PaymentContent other) {
            return accountNumber.equals(other.accountNumber) && amount.compareTo(other.amount) == 0
                    && receivedOn.equals(other.receivedOn);
        }

        @Override
        public String toString() {
            return "account " + accountNumber + ", " + Money.round(amount).toPlainString() + " on " + receivedOn;
        }
    }

    public PaymentFileIngester(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties,
                               DateWindow receivedOn, FaultInjection faults) {
        super("payments", PaymentFormat.within(receivedOn), BATCH, jdbc, transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Applies a batch of payments in a few queries. */
    @Override
    protected BatchCounts store(List<Parsed.Ok<PaymentRow>> rows, String fileName, long fileId, RejectFileWriter rejects) {
        Map<String, Long> accounts = new HashMap<>();
        named.query("SELECT account_number, id FROM account WHERE account_number IN (:numbers)",
                new MapSqlParameterSource("numbers", rows.stream().map(r -> r.row().accountNumber()).distinct().toList()),
                rs -> {
                    accounts.put(rs.getString(1), rs.getLong(2));
                });
        // References already stored, with what they paid, so a repeat can be told from a clash.
        Map<String, PaymentContent> known = new HashMap<>();
        named.query("""
                SELECT p.payment_ref, a.account_number, p.amount, p.received_on
                FROM payment p JOIN account a ON a.id = p.account_id WHERE p.payment_ref IN (:refs)""",
                new MapSqlParameterSource("refs", rows.stream().map(r -> r.row().paymentRef()).distinct().toList()),
                rs -> {
                    known.put(rs.getString(1), new PaymentContent(rs.getString(2), rs.getBigDecimal(3),
                            rs.getObject(4, LocalDate.class)));
                });
        Map<Long, List<OpenInvoice>> open = new HashMap<>();
        if (!accounts.isEmpty()) {
            named.query("""
                    SELECT account_id, id, invoice_number, due_date, open_amount FROM open_invoice
                    WHERE account_id IN (:ids)""",
                    new MapSqlParameterSource("ids", accounts.values()), rs -> {
                        open.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OpenInvoice(rs.getLong(2),
                                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)));
                    });
        }
        List<MapSqlParameterSource> payments = new ArrayList<>();
        Map<String, List<Allocation>> allocations = new HashMap<>();
        long duplicates = 0;
        for (Parsed.Ok<PaymentRow> ok : rows) {
            PaymentRow p = ok.row();
            Long accountId = accounts.get(p.accountNumber());
            if (accountId == null) {
                rejects.write(new Reject(fileName, ok.line(), "account_number",
                        "unknown account '" + p.accountNumber() + "'", ok.raw()));
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
            AllocationResult result = allocator.allocate(p.amount(), open.getOrDefault(accountId, List.of()));
            allocations.put(p.paymentRef(), result.allocations());
            open.put(accountId, remaining(open.getOrDefault(accountId, List.of()), result.allocations()));
            payments.add(new MapSqlParameterSource("ref", p.paymentRef()).addValue("account", accountId)
                    .addValue("received", p.receivedOn()).addValue("amount", p.amount())
                    .addValue("negative", p.amount().negate()).addValue("method", p.method())
                    .addValue("unapplied", result.unapplied()).addValue("file", fileId)
                    .addValue("entryType", LedgerEntryType.PAYMENT.name()));
        }
        MapSqlParameterSource[] batch = payments.toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO payment (payment_ref, account_id, received_on, amount, method, unapplied, file_id)
                VALUES (:ref, :account, :received, :amount, :method, :unapplied, :file)""", batch);
        named.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :received, :entryType, :ref, :negative)""", batch);
        if (!payments.isEmpty()) {
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
        return new BatchCounts(payments.size(), duplicates);
    }

    /** The open invoices left after an allocation, for the next payment of the same account. */
    private static List<OpenInvoice> remaining(List<OpenInvoice> open, List<Allocation> allocations) {
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
