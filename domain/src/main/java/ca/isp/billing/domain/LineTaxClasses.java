package ca.isp.billing.domain;

import java.util.List;
import java.util.Map;

/**
 * The tax class of each line of an invoice: a late fee is LATE_FEE; a plan's or usage line
 * (its key names the subscription, RECURRING:S100042-1:2026-11-01) takes its plan's class;
 * a quote's line the class the quote gave it (QuoteLines); any other line (a one-time charge with
 * no subscription) is GENERAL, taxed by every tax.
 */
public final class LineTaxClasses {

    private LineTaxClasses() {
    }

    public static List<TaxableLine> of(List<InvoiceLine> lines, Map<String, TaxClass> classBySubscription) {
        return lines.stream().filter(l -> l.type() != LineType.TAX)
                .map(l -> new TaxableLine(l, classOf(l, classBySubscription))).toList();
    }

    static TaxClass classOf(InvoiceLine line, Map<String, TaxClass> classBySubscription) {
        // a returned-payment fee is a penalty like a late fee: taxed only where a rule says so
        if (line.type() == LineType.LATE_FEE || line.type() == LineType.NSF_FEE) {
            return TaxClass.LATE_FEE;
        }
        TaxClass quoted = QuoteLines.taxClassOf(line.lineKey());
        if (quoted != null) {
            return quoted; // a quote line: the class the quote gave it
        }
        for (String part : line.lineKey().split(":")) {
            TaxClass taxClass = classBySubscription.get(part);
            if (taxClass != null) {
                return taxClass;
            }
        }
        return TaxClass.GENERAL;
    }
}
