package ca.isp.billing.jobs.tax;

import java.util.List;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;

/** A draft invoice (no number yet) with its charge lines and the account's service address jurisdiction. */
public record InvoiceToTax(long invoiceId, String accountNumber, Language language, String country, String region,
                           List<InvoiceLine> lines) {
}
