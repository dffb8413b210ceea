package ca.isp.billing.domain;

/** A DISCOUNT line of the next invoice and the item to store with it (its amount is the line's). */
public record DiscountLine(InvoiceLine line, DiscountItem item) {

    public DiscountLine {
        if (line.amount().compareTo(item.amount()) != 0) {
            throw new IllegalArgumentException("line " + line.lineKey() + " takes " + line.amount() + ", its item "
                    + item.amount());
        }
    }
}
