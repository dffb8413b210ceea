package ca.isp.billing.jobs.tax;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.LineTaxClasses;
import ca.isp.billing.domain.TaxEngine;
import ca.isp.billing.domain.TaxRequest;
import ca.isp.billing.domain.TaxResult;
import ca.isp.billing.domain.UnknownJurisdictionException;

/**
 * Taxes one invoice by its service address with the tax engine, at the rates in force on its
 * date. An address whose taxes cannot be known (no jurisdiction, no rate in force) holds the
 * invoice with the reason, never sends it untaxed.
 */
public class InvoiceTaxProcessor implements ItemProcessor<InvoiceToTax, TaxedInvoice> {

    private final TaxEngine engine;

    public InvoiceTaxProcessor(TaxEngine engine) {
        this.engine = engine;
    }

    @Override
    public TaxedInvoice process(InvoiceToTax invoice) {
        try {
            TaxResult result = engine.tax(request(invoice));
            return new TaxedInvoice(invoice.invoiceId(), invoice.language(), invoice.lines().size() + 1,
                    invoice.invoiceDate(), result.taxes(), null);
        } catch (UnknownJurisdictionException e) {
            return new TaxedInvoice(invoice.invoiceId(), invoice.language(), 0, invoice.invoiceDate(), List.of(),
                    "account " + invoice.accountNumber() + ": " + e.getMessage());
        }
    }

    /** What the engine is asked for one invoice; the quote asks the same for one line. */
    static TaxRequest request(InvoiceToTax invoice) {
        return new TaxRequest(invoice.serviceAddress(), invoice.invoiceDate(),
                LineTaxClasses.of(invoice.lines(), invoice.classBySubscription()), invoice.exemptions());
    }
}
