package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax of one jurisdiction (country + province/state), for example QST in CA/QC at 0.09975.
 * {@code rate} is a decimal fraction; {@code registration} is the ISP's number for it, or null.
 */
public record TaxRate(String country, String region, String taxCode, String nameEn, String nameFr,
                      BigDecimal rate, String registration) {

    public TaxRate {
        Objects.requireNonNull(country, "tax rate country is required");
        Objects.requireNonNull(region, "tax rate region is required");
        if (taxCode == null || taxCode.isBlank()) {
            throw new IllegalArgumentException("tax rate for " + country + "/" + region + ": tax_code is required");
        }
        Objects.requireNonNull(nameEn, () -> "tax " + taxCode + ": name_en is required");
        Objects.requireNonNull(nameFr, () -> "tax " + taxCode + ": name_fr is required");
        Objects.requireNonNull(rate, () -> "tax " + taxCode + ": rate is required");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("tax " + taxCode + " in " + country + "/" + region
                    + ": rate must be a fraction from 0 to below 1: " + rate);
        }
    }

    /** The tax name as printed in this language (GST / TPS). */
    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }

    /** The rate as a percentage without trailing zeros: 0.09975 -> 9.975, 0.13 -> 13. */
    public BigDecimal percent() {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }
}
