package ca.isp.billing.jobs.tax;

import java.util.List;

import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.TaxAmount;

/** The taxes of one invoice (one per jurisdiction tax), or why it is held untaxed. */
public record TaxedInvoice(long invoiceId, Language language, int nextLineNo, List<TaxAmount> taxes,
                           String holdReason) {

    public boolean held() {
        return holdReason != null;
    }
}
