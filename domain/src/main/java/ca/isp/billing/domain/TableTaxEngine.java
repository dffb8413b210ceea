package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tax engine of the operator's tables: the jurisdictions of the service address
 * ({@link JurisdictionResolver}), the rates in force on the invoice date in each of them
 * ({@link DatedTaxRate}), whether each tax applies to each line's class ({@link Taxability})
 * and the account's certificates ({@link TaxExemption}).
 *
 * <p>Rounding: each tax is computed once per invoice on the sum of the lines it applies to,
 * half up to the cent (not per line), so the invoice total = lines + these rounded taxes exactly.
 * A tax in force whose lines are all exempt still gives an amount of 0.00 with its exempt base,
 * so the invoice and the tax register show it.
 */
public final class TableTaxEngine implements TaxEngine {

    private final JurisdictionResolver resolver;
    private final List<DatedTaxRate> rates;
    private final Taxability taxability;

    public TableTaxEngine(JurisdictionResolver resolver, List<DatedTaxRate> rates, Taxability taxability) {
        this.resolver = resolver;
        this.rates = List.copyOf(rates);
        this.taxability = taxability;
    }

    @Override
    public TaxResult tax(TaxRequest request) {
        Address address = request.serviceAddress();
        List<Jurisdiction> jurisdictions = resolver.resolve(address);
        List<DatedTaxRate> inForce = inForce(jurisdictions, request, address);
        List<TaxAmount> amounts = new ArrayList<>(inForce.size());
        for (DatedTaxRate dated : inForce) {
            amounts.add(taxOne(dated, request));
        }
        return new TaxResult(jurisdictions, amounts);
    }

    /** The rates in force on the invoice date, jurisdiction by jurisdiction (widest first), one per tax code. */
    private List<DatedTaxRate> inForce(List<Jurisdiction> jurisdictions, TaxRequest request, Address address) {
        List<DatedTaxRate> found = new ArrayList<>();
        Map<String, DatedTaxRate> byCode = new HashMap<>();
        for (Jurisdiction j : jurisdictions) {
            for (DatedTaxRate rate : rates) {
                if (!rate.isOf(j) || !rate.inForceOn(request.invoiceDate())) {
                    continue;
                }
                DatedTaxRate other = byCode.put(rate.rate().taxCode(), rate);
                if (other != null) {
                    // two rates of one tax on one invoice would be a guess (and one tax line per code)
                    throw new UnknownJurisdictionException(address.country(), address.region(),
                            "two rates of tax " + rate.rate().taxCode() + " in force on " + request.invoiceDate()
                                    + " for the service address: from " + other.effectiveFrom() + " in "
                                    + j.key() + " and from " + rate.effectiveFrom());
                }
                found.add(rate);
            }
        }
        if (found.isEmpty()) {
            throw new UnknownJurisdictionException(address.country(), address.region(),
                    "no tax rates in force on " + request.invoiceDate() + " for " + address.country() + "/"
                            + address.region() + (rates.stream().anyMatch(r -> r.isOf(jurisdictions.get(1)))
                            ? " (rates exist for other dates)" : ""));
        }
        return found;
    }

    private TaxAmount taxOne(DatedTaxRate dated, TaxRequest request) {
        TaxRate rate = dated.rate();
        List<BigDecimal> taxable = new ArrayList<>();
        List<BigDecimal> exempt = new ArrayList<>();
        for (TaxableLine line : request.lines()) {
            (taxability.taxes(rate, line.taxClass()) ? taxable : exempt).add(line.line().amount());
        }
        BigDecimal base = Money.sum(taxable);
        BigDecimal exemptBase = Money.sum(exempt);
        for (TaxExemption exemption : request.exemptions()) {
            if (exemption.covers(rate.taxCode(), request.invoiceDate())) {
                return new TaxAmount(rate, dated.jurisdiction(), Money.ZERO, exemptBase.add(base),
                        exemption.certificate(), Money.ZERO);
            }
        }
        return new TaxAmount(rate, dated.jurisdiction(), base, exemptBase, null, Money.round(base.multiply(rate.rate())));
    }
}
