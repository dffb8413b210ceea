package ca.isp.billing.domain;

/**
 * A line of the next invoice and the item to store with it, so that the next run knows what
 * this line billed (the item's amount is the line's amount).
 */
public record RecurringLine(InvoiceLine line, BilledItem item) {

    public RecurringLine {
        if (line.amount().compareTo(item.amount()) != 0) {
            throw new IllegalArgumentException("line " + line.lineKey() + " bills " + line.amount() + ", its item "
                    + item.amount());
        }
    }
}
