package ca.isp.billing.domain;

import java.math.BigDecimal;

/**
 * One tax on one invoice: the rate, the jurisdiction it is of (local code, empty for the province
 * or state), the taxable base it applies to, the exempt base (lines this tax does not apply to,
 * by class or by certificate), the certificate that exempts the account (or null), and the
 * rounded amount.
 */
public record TaxAmount(TaxRate rate, String jurisdiction, BigDecimal taxableBase, BigDecimal exemptBase,
                        String exemption, BigDecimal amount) {

    /** A tax of the province or state itself, nothing exempt. */
    public TaxAmount(TaxRate rate, BigDecimal taxableBase, BigDecimal amount) {
        this(rate, "", taxableBase, Money.ZERO, null, amount);
    }

    /** US/NY for a state's tax, US/NY/NYC for a city's. */
    public String jurisdictionKey() {
        return rate.country() + "/" + rate.region() + (jurisdiction.isEmpty() ? "" : "/" + jurisdiction);
    }

    /** The invoice's TAX line: quantity is the taxable base, unit price the percentage. */
    public InvoiceLine toLine(Language language) {
        if (language == Language.BILINGUAL) {
            InvoiceLine en = toLine(Language.EN);
            return new InvoiceLine(en.type(), en.lineKey(), Language.both(en.description(),
                    toLine(Language.FR).description()), en.reason(), null, null, en.quantity(), en.unit(),
                    en.unitPrice(), en.amount());
        }
        BigDecimal percent = rate.percent();
        String shown = LocalNumbers.format(percent, Math.max(0, percent.scale()), language);
        // French puts a (non-breaking) space before the percent sign.
        String description = rate.name(language) + " " + shown + (language == Language.FR ? "\u00A0%" : "%");
        if (rate.registration() != null && !rate.registration().isBlank()) {
            description += " (no " + rate.registration() + ")";
        }
        if (exemption != null) {
            description += language == Language.FR ? " : exonéré, certificat " + exemption
                    : ": exempt, certificate " + exemption;
        }
        String reason = rate.nameEn() + " " + percent.toPlainString() + "% of taxable " + taxableBase.toPlainString()
                + " = " + amount + " (" + jurisdictionKey() + ")"
                + (exemption != null ? "; exempt " + exemptBase.toPlainString() + " by certificate " + exemption : "");
        return new InvoiceLine(LineType.TAX, "TAX:" + rate.taxCode(), description, reason, null, null,
                taxableBase, "%", percent, amount);
    }
}
