package ca.isp.billing.domain.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the review gate looks at on one issued invoice: its new charges (the balance brought
 * forward is not its own), its term, its usage and its taxes.
 *
 * @param termMonths the months the invoice's service period covers, rounded ({@link #termMonths(LocalDate, LocalDate)});
 *                   0 for a stub shorter than half a month: compared with nothing
 * @param usage      usage units billed on it by type (DATA bytes, VOICE minutes)
 * @param taxRates   the rate of each tax charged (tax code -> rate, 0.05 for 5%)
 * @param exemptTaxes the tax codes a certificate exempted on it
 */
public record ReviewedInvoice(String invoiceNumber, LocalDate invoiceDate, String currency, int termMonths,
                              BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total,
                              Map<String, BigDecimal> usage, Map<String, BigDecimal> taxRates,
                              Set<String> exemptTaxes) {

    public ReviewedInvoice {
        usage = Map.copyOf(usage);
        taxRates = Map.copyOf(taxRates);
        exemptTaxes = Set.copyOf(exemptTaxes);
    }

    /**
     * Months of a service period [start, end], rounded to the nearest whole month by its days
     * (30.44 a month): 28 to 31 days is 1, 89 to 92 is 3, a 10-day stub 0. No period: 0.
     */
    public static int termMonths(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return 0;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
        return new BigDecimal(days).divide(new BigDecimal("30.44"), 0, java.math.RoundingMode.HALF_UP).intValue();
    }
}
