package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An account's exemption certificate (a First Nations status card, a reseller's certificate):
 * the taxes it covers (empty: all) until {@code expiresOn} inclusive (null: no expiry). It covers
 * an invoice dated on or before its expiry; its number is printed on the invoice's tax line.
 */
public record TaxExemption(String certificate, Set<String> taxCodes, LocalDate expiresOn) {

    public TaxExemption {
        Objects.requireNonNull(certificate, "exemption certificate");
        taxCodes = Set.copyOf(taxCodes);
    }

    public boolean covers(String taxCode, LocalDate invoiceDate) {
        return (taxCodes.isEmpty() || taxCodes.contains(taxCode))
                && (expiresOn == null || !invoiceDate.isAfter(expiresOn));
    }
}
