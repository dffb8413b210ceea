package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The most one invoice may hold. Far above any ISP's bill, and small enough that its amounts
 * (DECIMAL(12,2), up to 9,999,999,999.99) and quantities (DECIMAL(18,4)) can be stored with tax
 * and balances added: charges beyond it come from bad data, never from a customer.
 */
public final class InvoiceLimits {

    /** The charges of one invoice, before tax: one billion. */
    public static final BigDecimal MAX_CHARGES = new BigDecimal("1000000000.00");
    /** The quantity of one line (GB, minutes, months): what DECIMAL(18,4) holds. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999999");

    private InvoiceLimits() {
    }

    /** Null when the lines fit on one invoice; otherwise why they do not, for the operator. */
    public static String refusal(List<InvoiceLine> lines) {
        BigDecimal charges = InvoiceTotals.of(lines).subtotal();
        if (charges.abs().compareTo(MAX_CHARGES) > 0) {
            return "charges of " + String.format(Locale.ROOT, "%,.2f", charges) + " are more than one invoice can hold ("
                    + String.format(Locale.ROOT, "%,.2f", MAX_CHARGES) + ")";
        }
        for (InvoiceLine line : lines) {
            if (line.quantity() != null && line.quantity().abs().compareTo(MAX_QUANTITY) > 0) {
                return "line " + line.lineKey() + " has a quantity of " + line.quantity().toPlainString() + " "
                        + line.unit() + ", more than one line can hold (" + MAX_QUANTITY.toPlainString() + ")";
            }
        }
        return null;
    }
}
