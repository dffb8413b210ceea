package ca.isp.billing.jobs.tax;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.TaxExemption;

/**
 * A draft invoice (no number yet) with its charge lines, the date it will bear (its rates are the
 * ones in force then), the account's service address, the tax class of each of its
 * subscriptions and its exemption certificates.
 */
public record InvoiceToTax(long invoiceId, String accountNumber, Language language, LocalDate invoiceDate,
                           Address serviceAddress, List<InvoiceLine> lines, Map<String, TaxClass> classBySubscription,
                           List<TaxExemption> exemptions) {
}
