package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The LATE_FEE line billing an assessed fee on the account's next invoice. */
public final class LateFeeLine {

    private LateFeeLine() {
    }

    /**
     * Its key (invoice, class and, after the first, period) makes a rerun find the line instead of
     * adding it again; period 0 keeps the key fees had before periods existed.
     */
    public static InvoiceLine of(String invoiceNumber, LocalDate dueDate, String classCode, int period,
                                 BigDecimal amount, Language language) {
        String description = language == Language.FR
                ? "Frais de retard : facture " + invoiceNumber + " échue le " + dueDate
                : "Late fee: invoice " + invoiceNumber + " due " + dueDate;
        String reason = "Invoice " + invoiceNumber + " was due " + dueDate + " and still open"
                + (period > 0 ? " " + period + " month(s) later" : "") + "; penalty class " + classCode + " charges "
                + amount;
        String key = "LATE_FEE:" + invoiceNumber + ":" + classCode + (period > 0 ? ":" + period : "");
        return new InvoiceLine(LineType.LATE_FEE, key, description, reason, null, null, BigDecimal.ONE, "fee",
                amount, amount);
    }
}
