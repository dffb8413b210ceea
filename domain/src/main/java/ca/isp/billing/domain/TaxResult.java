package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/** The jurisdictions a service address is in and one amount per tax in force there. */
public record TaxResult(List<Jurisdiction> jurisdictions, List<TaxAmount> taxes) {

    public TaxResult {
        jurisdictions = List.copyOf(jurisdictions);
        taxes = List.copyOf(taxes);
    }

    /** The sum of the rounded taxes. */
    public BigDecimal total() {
        return Money.sum(taxes.stream().map(TaxAmount::amount).toList());
    }
}
