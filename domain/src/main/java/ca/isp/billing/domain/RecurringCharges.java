package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The recurring part of an account's next invoice: new terms billed in advance, and repairs of
 * terms billed before; {@code nextBillDate} is the first date after the cycle on which a term can
 * begin (the account's next cycle). {@code discountLines}: what the account's discounts take off the
 * terms billed (now or before), and their repairs.
 */
public record RecurringCharges(List<RecurringLine> lines, List<DiscountLine> discountLines, LocalDate nextBillDate) {

    public RecurringCharges {
        lines = List.copyOf(lines);
        discountLines = List.copyOf(discountLines);
    }

    /** Plan lines only, no discount. */
    public RecurringCharges(List<RecurringLine> lines, LocalDate nextBillDate) {
        this(lines, List.of(), nextBillDate);
    }

    public List<InvoiceLine> invoiceLines() {
        return lines.stream().map(RecurringLine::line).toList();
    }

    public List<BilledItem> billedItems() {
        return lines.stream().map(RecurringLine::item).toList();
    }
}
