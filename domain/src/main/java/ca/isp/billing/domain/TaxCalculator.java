package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Taxes an invoice: each rate of the service address's jurisdiction applies to the sum of the
 * taxable lines, rounded once per tax per invoice (not per line).
 */
public final class TaxCalculator {

    /** One amount per rate, in the given order. An empty rate list means the jurisdiction is unknown. */
    public List<TaxAmount> tax(List<InvoiceLine> lines, List<TaxRate> ratesForServiceAddress) {
        if (ratesForServiceAddress.isEmpty()) {
            throw new UnknownJurisdictionException("?", "?");
        }
        return taxAll(lines, ratesForServiceAddress);
    }

    /**
     * Same as {@link #tax(List, List)}, naming the service address's country and region when no
     * rate is known, and refusing rates of another jurisdiction.
     */
    public List<TaxAmount> tax(List<InvoiceLine> lines, List<TaxRate> ratesForServiceAddress, Address serviceAddress) {
        if (ratesForServiceAddress.isEmpty()) {
            throw new UnknownJurisdictionException(serviceAddress.country(), serviceAddress.region());
        }
        for (TaxRate rate : ratesForServiceAddress) {
            if (!rate.country().equalsIgnoreCase(serviceAddress.country())
                    || !rate.region().equalsIgnoreCase(serviceAddress.region())) {
                throw new IllegalArgumentException("tax " + rate.taxCode() + " is for " + rate.country() + "/"
                        + rate.region() + ", not for the service address in " + serviceAddress.country() + "/"
                        + serviceAddress.region());
            }
        }
        return taxAll(lines, ratesForServiceAddress);
    }

    /** Sum of the amounts of taxable lines (credits lower it; taxes and late fees are not in it). */
    public static BigDecimal taxableBase(List<InvoiceLine> lines) {
        List<BigDecimal> taxable = new ArrayList<>();
        for (InvoiceLine line : lines) {
            if (line.type().isTaxable()) {
                taxable.add(line.amount());
            }
        }
        return Money.sum(taxable);
    }

    private static List<TaxAmount> taxAll(List<InvoiceLine> lines, List<TaxRate> rates) {
        BigDecimal base = taxableBase(lines);
        List<TaxAmount> amounts = new ArrayList<>(rates.size());
        for (TaxRate rate : rates) {
            Objects.requireNonNull(rate, "tax rate");
            amounts.add(new TaxAmount(rate, base, Money.round(base.multiply(rate.rate()))));
        }
        return amounts;
    }
}
