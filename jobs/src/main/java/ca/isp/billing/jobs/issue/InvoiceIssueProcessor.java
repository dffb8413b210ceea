package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.Allocation;
import ca.isp.billing.domain.AllocationResult;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.InvoiceTotals;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.domain.PaymentAllocator;
import ca.isp.billing.domain.PaymentTerms;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.jobs.issue.InvoiceToIssue.Credit;
import ca.isp.billing.jobs.issue.InvoiceToIssue.NewEntry;
import ca.isp.billing.jobs.issue.IssuedInvoice.CreditUse;

/**
 * Makes an invoice final: totals are sums of its rounded lines (InvoiceTotals), the due date
 * is the invoice date plus the payment terms of the account's customer type, and its statement (Statement) takes the ledger
 * entries dated on or before the invoice date that no earlier invoice showed, so the amount due
 * is the account's ledger balance on the invoice date. A credit the account holds (an earlier
 * overpayment) pays the invoice first, oldest credit first, through the same PaymentAllocator
 * as payments. Delivery follows the account's choice (DeliveryChannel).
 */
public class InvoiceIssueProcessor implements ItemProcessor<InvoiceToIssue, IssuedInvoice> {

    private final PaymentTerms terms;
    private final PaymentAllocator allocator = new PaymentAllocator();

    public InvoiceIssueProcessor(PaymentTerms terms) {
        this.terms = terms;
    }

    @Override
    public IssuedInvoice process(InvoiceToIssue invoice) {
        InvoiceTotals totals = InvoiceTotals.of(invoice.lines());
        LocalDate dueDate = terms.dueDate(invoice.invoiceDate(), invoice.customerType());
        // A payment dated after the invoice date is on the ledger already but shows on the next invoice.
        List<NewEntry> shown = invoice.newEntries().stream()
                .filter(e -> !e.entry().date().isAfter(invoice.invoiceDate())).toList();
        Statement statement = Statement.of(invoice.balanceOnLastStatement(),
                shown.stream().map(NewEntry::entry).toList(), totals.total());

        List<CreditUse> creditsUsed = new ArrayList<>();
        BigDecimal open = totals.total();
        for (Credit credit : invoice.credits()) {
            if (open.signum() <= 0) {
                break;
            }
            AllocationResult used = allocator.allocate(credit.unapplied(), List.of(new OpenInvoice(invoice.invoiceId(),
                    "(being issued)", dueDate, open)));
            for (Allocation allocation : used.allocations()) {
                creditsUsed.add(new CreditUse(credit.paymentId(), allocation.amount()));
                open = open.subtract(allocation.amount());
            }
        }
        boolean hasEmail = invoice.email() != null && !invoice.email().isBlank();
        List<DeliveryChannel> channels = List.copyOf(DeliveryChannel.forAccount(invoice.delivery(), hasEmail));
        return new IssuedInvoice(invoice.invoiceId(), invoice.accountId(), invoice.accountNumber(),
                invoice.invoiceDate(), dueDate, totals, statement,
                invoice.balanceOnLastStatement() == null, shown.stream().map(NewEntry::id).toList(), creditsUsed, channels, hasEmail ? invoice.email() : null);
    }
}
