package ca.isp.billing.jobs.charge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.BilledItem;
import ca.isp.billing.domain.DiscountItem;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;

/**
 * What the charge step makes of an account: the invoice's charge lines (no tax yet), what each
 * recurring line bills (its item, by line key: the next run bills only the difference; a discount
 * line's item names its discount too), the plan
 * each usage line was rated on (the plan of its period's last day: its revenue's GL account), the
 * account's next bill date, and what it consumed (usage before {@code usageBefore}, late fees,
 * one-time charges).
 * An account with nothing to charge has no lines and gets no invoice, only its next bill date.
 * A draft has no number yet: it gets one when it is issued.
 */
public record DraftInvoice(long accountId, LocalDate cycleDate, LocalDate periodStart,
                           LocalDate periodEnd, Language language, String currency, List<InvoiceLine> lines,
                           Map<String, BilledItem> itemsByLineKey, Map<String, DiscountItem> discountsByLineKey,
                           LocalDate previousNextBillDate, LocalDate newNextBillDate, LocalDate usageBefore,
                           List<Long> lateFeeIds, List<Long> chargeIds, Map<String, String> usagePlansByLineKey) {

    public boolean hasLines() {
        return !lines.isEmpty();
    }
}
