package ca.isp.billing.jobs.tax;

import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.TaxCalculator;
import ca.isp.billing.domain.TaxRate;
import ca.isp.billing.domain.UnknownJurisdictionException;
import ca.isp.billing.jobs.support.ReferenceData;

/**
 * Taxes one invoice by its service address (TaxCalculator). An address with no tax rates is
 * an unknown jurisdiction: the invoice is held with the reason, never sent untaxed.
 */
public class InvoiceTaxProcessor implements ItemProcessor<InvoiceToTax, TaxedInvoice> {

    private final Map<String, List<TaxRate>> ratesByJurisdiction;
    private final TaxCalculator calculator = new TaxCalculator();

    public InvoiceTaxProcessor(Map<String, List<TaxRate>> ratesByJurisdiction) {
        this.ratesByJurisdiction = ratesByJurisdiction;
    }

    @Override
    public TaxedInvoice process(InvoiceToTax invoice) {
        List<TaxRate> rates = ratesByJurisdiction.getOrDefault(ReferenceData.key(invoice.country(), invoice.region()), List.of());
        try {
            return new TaxedInvoice(invoice.invoiceId(), invoice.language(), invoice.lines().size() + 1,
                    calculator.tax(invoice.lines(), rates,
                            new Address(null, null, null, null, invoice.region(), null, invoice.country())), null);
        } catch (UnknownJurisdictionException e) {
            return new TaxedInvoice(invoice.invoiceId(), invoice.language(), 0, List.of(),
                    "account " + invoice.accountNumber() + ": " + e.getMessage());
        }
    }
}
