package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The recurring part of an account's next invoice: new terms billed in advance, and repairs of
 * terms billed before; {@code nextBillDate} is the first date after the cycle on which a term can
 * begin (the account's next cycle).
 */
public record RecurringCharges(List<RecurringLine> lines, LocalDate nextBillDate) {

    public RecurringCharges {
        lines = List.copyOf(lines);
    }

    public List<InvoiceLine> invoiceLines() {
        return lines.stream().map(RecurringLine::line).toList();
    }

    public List<BilledItem> billedItems() {
        return lines.stream().map(RecurringLine::item).toList();
    }
}
