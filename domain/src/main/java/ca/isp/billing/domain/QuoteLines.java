package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The lines of an accepted quote (installation, maintenance, parts) as invoice lines: a positive
 * amount is a ONE_TIME line, a negative one (a reduction in the quote) a CREDIT line. The key
 * carries the line's tax class ({@code QUOTE:<ref>:<line>:<class>}), so the tax step taxes each
 * line as the quote classed it (LineTaxClasses).
 */
public final class QuoteLines {

    private static final String PREFIX = "QUOTE:";

    private QuoteLines() {
    }

    public static InvoiceLine line(String quoteRef, int lineNo, String description, BigDecimal amount,
                                   TaxClass taxClass, LocalDate acceptedOn) {
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("quote " + quoteRef + " line " + lineNo + ": amount is 0");
        }
        String reason = "Quote " + quoteRef + " line " + lineNo + ", accepted on " + acceptedOn + ", " + taxClass;
        return new InvoiceLine(amount.signum() < 0 ? LineType.CREDIT : LineType.ONE_TIME,
                PREFIX + quoteRef + ":" + lineNo + ":" + taxClass.name(), description, reason, acceptedOn, acceptedOn,
                null, null, null, amount.setScale(Money.SCALE));
    }

    /** The tax class a quote line's key names, or null when the key is not a quote line's. */
    static TaxClass taxClassOf(String lineKey) {
        if (!lineKey.startsWith(PREFIX)) {
            return null;
        }
        String name = lineKey.substring(lineKey.lastIndexOf(':') + 1);
        for (TaxClass taxClass : TaxClass.values()) {
            if (taxClass.name().equals(name)) {
                return taxClass;
            }
        }
        return null;
    }
}
