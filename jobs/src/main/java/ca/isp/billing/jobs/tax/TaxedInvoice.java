package ca.isp.billing.jobs.tax;

import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.TaxAmount;

/** The taxes of one invoice (one per tax in force) and the date it was taxed at, or why it is held untaxed. */
public record TaxedInvoice(long invoiceId, Language language, int nextLineNo, LocalDate invoiceDate,
                           List<TaxAmount> taxes, String holdReason) {

    public boolean held() {
        return holdReason != null;
    }
}
