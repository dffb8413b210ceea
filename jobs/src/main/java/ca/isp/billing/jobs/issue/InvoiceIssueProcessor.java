package ca.isp.billing.jobs.issue;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.InvoiceTotals;
import ca.isp.billing.jobs.issue.IssuedInvoice.Delivery;

/**
 * Makes an invoice final: totals are sums of its rounded lines (InvoiceTotals), the due date
 * is the invoice date plus the payment terms, the amount due adds the balance carried over.
 * Delivery follows the account's choice; an EMAIL account without an address gets a letter.
 */
public class InvoiceIssueProcessor implements ItemProcessor<InvoiceToIssue, IssuedInvoice> {

    private final int paymentTermsDays;

    public InvoiceIssueProcessor(int paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    @Override
    public IssuedInvoice process(InvoiceToIssue invoice) {
        InvoiceTotals totals = InvoiceTotals.of(invoice.lines());
        List<Delivery> deliveries = new ArrayList<>();
        boolean hasEmail = invoice.email() != null && !invoice.email().isBlank();
        boolean print = "MAIL".equals(invoice.delivery()) || "BOTH".equals(invoice.delivery()) || !hasEmail;
        boolean email = ("EMAIL".equals(invoice.delivery()) || "BOTH".equals(invoice.delivery())) && hasEmail;
        if (print) {
            deliveries.add(new Delivery("PRINT", invoice.invoiceNumber() + "-PRINT", null));
        }
        if (email) {
            deliveries.add(new Delivery("EMAIL", invoice.invoiceNumber() + "-EMAIL", invoice.email()));
        }
        return new IssuedInvoice(invoice.invoiceId(), invoice.accountId(), invoice.invoiceNumber(),
                invoice.invoiceDate(), invoice.invoiceDate().plusDays(paymentTermsDays), totals,
                invoice.previousBalance(), invoice.previousBalance().add(totals.total()), deliveries);
    }
}
