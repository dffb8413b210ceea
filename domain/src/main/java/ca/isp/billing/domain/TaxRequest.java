package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a tax engine needs to tax one invoice: where the service is, the invoice's date (the
 * rates in force on it apply), its lines with their classes (TAX lines are left out) and the
 * account's exemption certificates.
 */
public record TaxRequest(Address serviceAddress, LocalDate invoiceDate, List<TaxableLine> lines,
                         List<TaxExemption> exemptions) {

    public TaxRequest {
        Objects.requireNonNull(serviceAddress, "service address");
        Objects.requireNonNull(invoiceDate, "invoice date");
        lines = lines.stream().filter(l -> l.line().type() != LineType.TAX).toList();
        exemptions = List.copyOf(exemptions);
    }
}
