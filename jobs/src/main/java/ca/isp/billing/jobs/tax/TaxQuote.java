package ca.isp.billing.jobs.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Jurisdiction;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.TaxAmount;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.TaxRequest;
import ca.isp.billing.domain.TaxResult;
import ca.isp.billing.domain.TaxableLine;

/**
 * What the tax step would charge on one amount of one class at a postal code on a date: the
 * same engine ({@link TaxEngines}), the same tables and the same rule, asked for one line.
 * Operators use it to check their tables ({@code run.sh tax-quote}). A place whose taxes cannot
 * be known is an {@link ca.isp.billing.domain.UnknownJurisdictionException}, as it holds an invoice.
 */
@Component
public class TaxQuote {

    private final TaxEngines engines;

    public TaxQuote(TaxEngines engines) {
        this.engines = engines;
    }

    /** What was asked, and what the engine answered. */
    public record Quote(String country, String region, String postalCode, TaxClass taxClass, BigDecimal amount,
                        LocalDate date, TaxResult result) {

        /** Plain lines for the operator: jurisdictions, one line per tax, the totals. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("Tax quote: %s of %s at %s %s%s on %s", amount.toPlainString(), taxClass,
                    country, postalCode, region == null ? "" : " (" + region + ")", date));
            lines.add("Jurisdictions: " + String.join(", ", result.jurisdictions().stream().map(Jurisdiction::toString)
                    .toList()));
            for (TaxAmount tax : result.taxes()) {
                lines.add(String.format("  %-10s %-40s %8s%% of %10s = %10s  (%s%s)", tax.rate().taxCode(),
                        tax.rate().nameEn(), tax.rate().percent().toPlainString(), tax.taxableBase().toPlainString(),
                        tax.amount().toPlainString(), tax.jurisdictionKey(),
                        tax.exemptBase().signum() != 0 ? "; not on " + taxClass : ""));
            }
            lines.add("Total tax: " + result.total().toPlainString());
            lines.add("Total with tax: " + amount.add(result.total()).toPlainString());
            return lines;
        }
    }

    public Quote quote(String country, String region, String postalCode, TaxClass taxClass, BigDecimal amount,
                       LocalDate date) {
        BigDecimal cents = Money.round(amount);
        InvoiceLine line = new InvoiceLine(LineType.ONE_TIME, "QUOTE", "Quote", "tax-quote", null, null,
                BigDecimal.ONE, "each", cents, cents);
        TaxRequest request = new TaxRequest(new Address(null, null, null, null, region, postalCode, country), date,
                List.of(new TaxableLine(line, taxClass)), List.of());
        return new Quote(country, region, postalCode, taxClass, cents, date, engines.current().tax(request));
    }
}
