package ca.isp.billing.domain;

import java.util.Objects;

/** An invoice line with the tax class of what it sells. */
public record TaxableLine(InvoiceLine line, TaxClass taxClass) {

    public TaxableLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(taxClass, () -> "line " + line.lineKey() + " has no tax class");
    }
}
