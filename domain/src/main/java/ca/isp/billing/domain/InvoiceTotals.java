package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The three totals printed on an invoice, each a plain sum of rounded line amounts. */
public record InvoiceTotals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    /** subtotal = every line but TAX (late fees included), tax = the TAX lines, total = both. */
    public static InvoiceTotals of(List<InvoiceLine> lines) {
        List<BigDecimal> charges = new ArrayList<>();
        List<BigDecimal> taxes = new ArrayList<>();
        for (InvoiceLine line : lines) {
            (line.type() == LineType.TAX ? taxes : charges).add(line.amount());
        }
        BigDecimal subtotal = Money.sum(charges);
        BigDecimal tax = Money.sum(taxes);
        return new InvoiceTotals(subtotal, tax, subtotal.add(tax));
    }
}
