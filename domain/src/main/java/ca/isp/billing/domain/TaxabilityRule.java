package ca.isp.billing.domain;

import java.util.Objects;

/** Whether one tax of one province or state applies to one class (BC PST on INTERNET_ACCESS: no). */
public record TaxabilityRule(String country, String region, String taxCode, TaxClass taxClass, boolean taxable) {

    public TaxabilityRule {
        Objects.requireNonNull(country, "rule country");
        Objects.requireNonNull(region, "rule region");
        Objects.requireNonNull(taxCode, "rule tax code");
        Objects.requireNonNull(taxClass, "rule tax class");
    }
}
