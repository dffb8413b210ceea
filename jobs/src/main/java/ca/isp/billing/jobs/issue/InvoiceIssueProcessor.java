package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.Allocation;
import ca.isp.billing.domain.AllocationResult;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.InvoiceTotals;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.domain.PaymentAllocator;
import ca.isp.billing.jobs.issue.InvoiceToIssue.Credit;
import ca.isp.billing.jobs.issue.IssuedInvoice.CreditUse;
import ca.isp.billing.jobs.issue.IssuedInvoice.Delivery;

/**
 * Makes an invoice final: totals are sums of its rounded lines (InvoiceTotals), the due date
 * is the invoice date plus the payment terms, the amount due adds the balance carried over.
 * A credit the account holds (an earlier overpayment) pays the invoice first, oldest credit
 * first, through the same PaymentAllocator as payments. Delivery follows the account's choice;
 * an EMAIL account without an address gets a letter.
 */
public class InvoiceIssueProcessor implements ItemProcessor<InvoiceToIssue, IssuedInvoice> {

    private final int paymentTermsDays;
    private final PaymentAllocator allocator = new PaymentAllocator();

    public InvoiceIssueProcessor(int paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    @Override
    public IssuedInvoice process(InvoiceToIssue invoice) {
        InvoiceTotals totals = InvoiceTotals.of(invoice.lines());
        List<CreditUse> creditsUsed = new ArrayList<>();
        BigDecimal open = totals.total();
        for (Credit credit : invoice.credits()) {
            if (open.signum() <= 0) {
                break;
            }
            AllocationResult used = allocator.allocate(credit.unapplied(), List.of(new OpenInvoice(invoice.invoiceId(),
                    invoice.invoiceNumber(), invoice.invoiceDate().plusDays(paymentTermsDays), open)));
            for (Allocation allocation : used.allocations()) {
                creditsUsed.add(new CreditUse(credit.paymentId(), allocation.amount()));
                open = open.subtract(allocation.amount());
            }
        }
        boolean hasEmail = invoice.email() != null && !invoice.email().isBlank();
        List<Delivery> deliveries = DeliveryChannel.forAccount(invoice.delivery(), hasEmail).stream()
                .map(channel -> new Delivery(channel, invoice.invoiceNumber() + "-" + channel,
                        channel == DeliveryChannel.EMAIL ? invoice.email() : null))
                .toList();
        return new IssuedInvoice(invoice.invoiceId(), invoice.accountId(), invoice.invoiceNumber(),
                invoice.invoiceDate(), invoice.invoiceDate().plusDays(paymentTermsDays), totals,
                invoice.previousBalance(), invoice.previousBalance().add(totals.total()), creditsUsed, deliveries);
    }
}
