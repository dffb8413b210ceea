package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Applies a payment to open invoices, oldest due date first; what is left stays on the account as
 * a credit. A payment that names an invoice pays that one first, then the others oldest first.
 */
public final class PaymentAllocator {

    private static final Comparator<OpenInvoice> OLDEST_FIRST =
            Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::invoiceNumber);

    public AllocationResult allocate(BigDecimal payment, List<OpenInvoice> openInvoices) {
        return allocate(payment, openInvoices, null);
    }

    /**
     * As {@link #allocate(BigDecimal, List)}, the invoice of that id first (when it is open: a
     * named invoice already paid takes nothing and the payment goes oldest first).
     */
    public AllocationResult allocate(BigDecimal payment, List<OpenInvoice> openInvoices, Long namedInvoiceId) {
        Objects.requireNonNull(payment, "payment");
        if (payment.signum() <= 0) {
            throw new IllegalArgumentException("payment must be more than 0: " + payment);
        }
        if (payment.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("payment has more than 2 decimals: " + payment);
        }
        List<OpenInvoice> oldestFirst = new ArrayList<>(openInvoices);
        oldestFirst.sort(OLDEST_FIRST);
        if (namedInvoiceId != null) {
            oldestFirst.sort(Comparator.comparing(invoice -> invoice.invoiceId() == namedInvoiceId.longValue() ? 0 : 1));
        }

        BigDecimal left = payment.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
        List<Allocation> allocations = new ArrayList<>();
        for (OpenInvoice invoice : oldestFirst) {
            if (left.signum() == 0) {
                break;
            }
            if (invoice.openAmount().signum() <= 0) {
                continue; // nothing owed on it
            }
            BigDecimal applied = left.min(invoice.openAmount()).setScale(Money.SCALE, Money.ROUNDING);
            allocations.add(new Allocation(invoice.invoiceId(), applied));
            left = left.subtract(applied);
        }
        return new AllocationResult(allocations, left);
    }
}
