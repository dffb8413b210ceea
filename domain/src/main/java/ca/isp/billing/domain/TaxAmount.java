package ca.isp.billing.domain;

import java.math.BigDecimal;

/** One jurisdiction's tax on one invoice: the rate, the taxable base it applies to, and the rounded amount. */
public record TaxAmount(TaxRate rate, BigDecimal taxableBase, BigDecimal amount) {

    /** The invoice's TAX line: quantity is the taxable base, unit price the percentage. */
    public InvoiceLine toLine(Language language) {
        BigDecimal percent = rate.percent();
        String shown = LocalNumbers.format(percent, Math.max(0, percent.scale()), language);
        // French puts a (non-breaking) space before the percent sign.
        String description = rate.name(language) + " " + shown + (language == Language.FR ? "\u00A0%" : "%");
        if (rate.registration() != null && !rate.registration().isBlank()) {
            description += " (no " + rate.registration() + ")";
        }
        String reason = rate.nameEn() + " " + percent.toPlainString() + "% of taxable " + taxableBase.toPlainString()
                + " = " + amount + " (" + rate.country() + "/" + rate.region() + ")";
        return new InvoiceLine(LineType.TAX, "TAX:" + rate.taxCode(), description, reason, null, null,
                taxableBase, "%", percent, amount);
    }
}
