package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What becomes of a closed account's credits once its final bill is issued. Its credits are the
 * money of its payments no invoice used ({@code payment.unapplied}) and what an invoice owes the
 * customer back (a final bill whose cancellation credits exceed its charges: total below what was
 * paid on it). First the credits pay what the account still owes, oldest credit first, each on the
 * open invoices oldest due first (PaymentAllocator, as a payment would); then what is left is
 * either REFUND (paid back: accounts payable sends a cheque) or CARRY (left on the account as a
 * credit, for a customer who may come back). A refund is never more than the credits, and an
 * account that still owes money after its credits gets no refund: it stays collectable.
 */
public final class FinalSettlement {

    /** What a closed account's credits become. */
    public enum Choice { REFUND, CARRY }

    /** Where a credit lives: a payment's unapplied money, or an invoice that owes money back. */
    public enum CreditSource { PAYMENT, INVOICE }

    /** One credit of the account; {@code amount} > 0. */
    public record Credit(CreditSource source, long id, LocalDate date, BigDecimal amount) {
        public Credit {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(date, "date");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a credit is more than 0: " + amount);
            }
        }
    }

    /** A credit used on an open invoice. */
    public record Use(Credit credit, long invoiceId, BigDecimal amount) {
    }

    /** A credit paid back, wholly or what was left of it. */
    public record Payout(Credit credit, BigDecimal amount) {
    }

    /** The uses, the payouts, the refund (their sum), the credit carried and what is still owed. */
    public record Outcome(List<Use> uses, List<Payout> payouts, BigDecimal refund, BigDecimal carried,
                          BigDecimal stillOwed) {
    }

    private FinalSettlement() {
    }

    public static Outcome settle(List<Credit> credits, List<OpenInvoice> open, Choice choice) {
        Objects.requireNonNull(choice, "choice");
        List<Credit> oldestFirst = new ArrayList<>(credits);
        oldestFirst.sort(Comparator.comparing(Credit::date).thenComparing(Credit::source).thenComparingLong(Credit::id));
        List<OpenInvoice> owed = new ArrayList<>(open);
        PaymentAllocator allocator = new PaymentAllocator();
        List<Use> uses = new ArrayList<>();
        List<Payout> payouts = new ArrayList<>();
        BigDecimal refund = Money.ZERO;
        BigDecimal carried = Money.ZERO;
        for (Credit credit : oldestFirst) {
            AllocationResult used = allocator.allocate(credit.amount(), owed);
            for (Allocation allocation : used.allocations()) {
                uses.add(new Use(credit, allocation.invoiceId(), allocation.amount()));
                owed.replaceAll(invoice -> invoice.invoiceId() != allocation.invoiceId() ? invoice
                        : new OpenInvoice(invoice.invoiceId(), invoice.invoiceNumber(), invoice.dueDate(),
                                invoice.openAmount().subtract(allocation.amount())));
            }
            BigDecimal left = used.unapplied();
            if (left.signum() > 0 && choice == Choice.REFUND) {
                payouts.add(new Payout(credit, left));
                refund = refund.add(left);
            } else {
                carried = carried.add(left);
            }
        }
        BigDecimal stillOwed = Money.sum(owed.stream().map(OpenInvoice::openAmount).filter(a -> a.signum() > 0).toList());
        return new Outcome(List.copyOf(uses), List.copyOf(payouts), refund, carried, stillOwed);
    }
}
