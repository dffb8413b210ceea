package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A tax rate of one jurisdiction for a period: in force from {@code effectiveFrom} to
 * {@code effectiveTo}, both inclusive (null: still in force). {@code jurisdiction} is the local
 * code (NYC) or empty for the province or state itself. The rate applied to an invoice is the
 * one in force on the invoice's date: Nova Scotia's HST is 15% on an invoice dated 2025-03-31
 * and 14% on one dated 2025-04-01.
 */
public record DatedTaxRate(String jurisdiction, TaxRate rate, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** The start of a rate entered without one: it was always in force. */
    public static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);

    public DatedTaxRate {
        jurisdiction = jurisdiction == null ? "" : jurisdiction;
        Objects.requireNonNull(rate, "tax rate");
        effectiveFrom = effectiveFrom == null ? ALWAYS : effectiveFrom;
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("tax " + rate.taxCode() + ": effective_to " + effectiveTo
                    + " is before effective_from " + effectiveFrom);
        }
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean isOf(Jurisdiction j) {
        return j.level() != JurisdictionLevel.COUNTRY && rate.country().equals(j.country())
                && rate.region().equals(j.region()) && jurisdiction.equals(j.rateCode());
    }
}
