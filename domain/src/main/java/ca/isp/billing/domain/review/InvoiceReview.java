package ca.isp.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The review gate's rules for one issued invoice, against its account's own history: the
 * account's earlier issued invoices (not voided), newest first.
 *
 * <p>Like with like: totals and usage are compared only with earlier invoices of the same term
 * length and currency (a quarterly invoice with quarterly ones; a stub shorter than half a month
 * with none), the last {@code history.cycles} of them. No history of that kind (a first invoice,
 * a first quarterly one) means nothing to compare: those rules stay silent and only the ceilings
 * apply. Taxes are compared with the account's last invoice; a tax whose rate table has a dated
 * change between the two invoice dates ({@code redatedTaxes}) or that a certificate exempts is
 * explained, not an anomaly.
 *
 * <p>The history is the account's cycle invoices only. A quote invoice (invoice-now) bills one-off
 * work: it is not like any cycle invoice, so it is never history, and it is compared with none
 * ({@link #reviewQuoteInvoice}): only the ceilings apply to it.
 */
public final class InvoiceReview {

    private static final BigDecimal BYTES_PER_GB = new BigDecimal("1000000000");

    private final ReviewSettings settings;

    public InvoiceReview(ReviewSettings settings) {
        this.settings = settings;
    }

    public List<ReviewFinding> review(ReviewedInvoice invoice, List<ReviewedInvoice> history, Set<String> redatedTaxes) {
        List<ReviewFinding> findings = new ArrayList<>();
        List<ReviewedInvoice> comparable = history.stream()
                .filter(past -> invoice.termMonths() > 0 && past.termMonths() == invoice.termMonths()
                        && past.currency().equals(invoice.currency()))
                .limit(settings.historyCycles()).toList();
        totalVsMedian(invoice, comparable).ifPresent(findings::add);
        ceiling(invoice).ifPresent(findings::add);
        notPaying(invoice, history).ifPresent(findings::add);
        if (settings.on(ReviewRule.TAX_CHANGED) && !history.isEmpty()) {
            taxChanged(invoice, history.get(0), redatedTaxes).ifPresent(findings::add);
        }
        usageVsUsual(invoice, comparable).ifPresent(findings::add);
        firstInvoice(invoice, history).ifPresent(findings::add);
        return findings;
    }

    /**
     * A quote invoice (one-off work billed by invoice-now): the total ceiling, and the first-invoice
     * ceiling when the account has no cycle invoice yet (a new customer's first bill is an
     * installation). The rules that compare with the account's cycle invoices (median, not paying,
     * tax changed, usage) say nothing: one-off work has other taxes (a router bears BC's PST,
     * internet access does not), other totals and no usage, so they would hold it for being what
     * it is.
     *
     * @param cycleHistory the account's earlier cycle invoices, newest first
     */
    public List<ReviewFinding> reviewQuoteInvoice(ReviewedInvoice invoice, List<ReviewedInvoice> cycleHistory) {
        List<ReviewFinding> findings = new ArrayList<>();
        ceiling(invoice).ifPresent(findings::add);
        firstInvoice(invoice, cycleHistory).ifPresent(findings::add);
        return findings;
    }

    private Optional<ReviewFinding> ceiling(ReviewedInvoice invoice) {
        if (!settings.on(ReviewRule.TOTAL_CEILING) || invoice.total().compareTo(settings.totalCeiling()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ReviewFinding(ReviewRule.TOTAL_CEILING, "total " + Figures.money(invoice.total())
                + " is above the ceiling of " + Figures.money(settings.totalCeiling())));
    }

    private Optional<ReviewFinding> firstInvoice(ReviewedInvoice invoice, List<ReviewedInvoice> history) {
        if (!settings.on(ReviewRule.FIRST_INVOICE_CEILING) || !history.isEmpty()
                || invoice.total().compareTo(settings.firstInvoiceCeiling()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ReviewFinding(ReviewRule.FIRST_INVOICE_CEILING, "first invoice of the account: total "
                + Figures.money(invoice.total()) + " is above the first-invoice ceiling of "
                + Figures.money(settings.firstInvoiceCeiling())));
    }

    private Optional<ReviewFinding> totalVsMedian(ReviewedInvoice invoice, List<ReviewedInvoice> comparable) {
        if (!settings.on(ReviewRule.TOTAL_VS_MEDIAN) || comparable.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal median = Figures.median(comparable.stream().map(ReviewedInvoice::total).toList());
        if (median.signum() <= 0 || invoice.total().compareTo(median.multiply(settings.totalMultiple())) <= 0) {
            return Optional.empty();
        }
        BigDecimal ratio = invoice.total().divide(median, 4, RoundingMode.HALF_UP);
        return Optional.of(new ReviewFinding(ReviewRule.TOTAL_VS_MEDIAN, "total " + Figures.money(invoice.total())
                + " is " + Figures.times(ratio) + " this account's median " + Figures.money(median) + " of the last "
                + cycles(comparable.size(), invoice.termMonths()) + " (limit " + Figures.number(settings.totalMultiple())
                + "x)"));
    }

    /** A zero or negative total where the account's last invoice with a total asked for money. */
    private Optional<ReviewFinding> notPaying(ReviewedInvoice invoice, List<ReviewedInvoice> history) {
        if (!settings.on(ReviewRule.NOT_PAYING) || invoice.total().signum() > 0 || history.isEmpty()
                || history.get(0).total().signum() <= 0) {
            return Optional.empty();
        }
        ReviewedInvoice last = history.get(0);
        return Optional.of(new ReviewFinding(ReviewRule.NOT_PAYING, "total " + Figures.money(invoice.total())
                + " where the account's last invoice " + last.invoiceNumber() + " was " + Figures.money(last.total())));
    }

    private Optional<ReviewFinding> taxChanged(ReviewedInvoice invoice, ReviewedInvoice last, Set<String> redatedTaxes) {
        if (!last.currency().equals(invoice.currency())) {
            return Optional.empty();
        }
        Set<String> exempt = new TreeSet<>(invoice.exemptTaxes());
        exempt.addAll(last.exemptTaxes());
        List<String> changes = new ArrayList<>();
        Set<String> codes = new TreeSet<>(last.taxRates().keySet());
        codes.addAll(invoice.taxRates().keySet());
        for (String code : codes) {
            if (redatedTaxes.contains(code) || exempt.contains(code)) {
                continue;
            }
            BigDecimal before = last.taxRates().get(code);
            BigDecimal now = invoice.taxRates().get(code);
            if (now == null && invoice.subtotal().signum() > 0) {
                changes.add(code + " " + Figures.percent(before) + " was charged on the last invoice "
                        + last.invoiceNumber() + " and is not charged on this one");
            } else if (before == null && now != null) {
                changes.add(code + " " + Figures.percent(now) + " is charged and was not on the last invoice "
                        + last.invoiceNumber());
            } else if (before != null && now != null && before.compareTo(now) != 0) {
                changes.add(code + " was " + Figures.percent(before) + " on the last invoice " + last.invoiceNumber()
                        + " and is " + Figures.percent(now) + " on this one");
            }
        }
        boolean droppedToZero = invoice.taxTotal().signum() == 0 && invoice.subtotal().signum() > 0
                && last.taxTotal().signum() > 0;
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String prefix = droppedToZero
                ? "tax 0.00 on " + Figures.money(invoice.subtotal()) + " where the last invoice " + last.invoiceNumber()
                        + " charged " + Figures.money(last.taxTotal()) + " on " + Figures.money(last.subtotal()) + ": "
                : "tax " + Figures.money(invoice.taxTotal()) + " on " + Figures.money(invoice.subtotal())
                        + ", no dated rate change explains it: ";
        return Optional.of(new ReviewFinding(ReviewRule.TAX_CHANGED, prefix + String.join("; ", changes)));
    }

    private Optional<ReviewFinding> usageVsUsual(ReviewedInvoice invoice, List<ReviewedInvoice> comparable) {
        if (!settings.on(ReviewRule.USAGE_VS_USUAL) || comparable.isEmpty()) {
            return Optional.empty();
        }
        List<String> over = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> usage : new java.util.TreeMap<>(invoice.usage()).entrySet()) {
            String type = usage.getKey();
            BigDecimal units = usage.getValue();
            BigDecimal usual = Figures.median(comparable.stream()
                    .map(past -> past.usage().getOrDefault(type, BigDecimal.ZERO)).toList());
            if (usual.signum() <= 0 || units.compareTo(usual.multiply(settings.usageMultiple())) <= 0
                    || units.compareTo(minimum(type)) < 0) {
                continue;
            }
            BigDecimal ratio = units.divide(usual, 4, RoundingMode.HALF_UP);
            over.add(type + " usage " + inUnits(type, units) + " is " + Figures.times(ratio) + " this account's usual "
                    + inUnits(type, usual) + " (median of the last " + cycles(comparable.size(), invoice.termMonths())
                    + ", limit " + Figures.number(settings.usageMultiple()) + "x)");
        }
        return over.isEmpty() ? Optional.empty()
                : Optional.of(new ReviewFinding(ReviewRule.USAGE_VS_USUAL, String.join("; ", over)));
    }

    /** Below this much, usage is too small to call an anomaly (a few MB against a few KB). */
    private BigDecimal minimum(String type) {
        return switch (type) {
            case "DATA" -> settings.usageMinimumDataGb().multiply(BYTES_PER_GB);
            case "VOICE" -> settings.usageMinimumVoiceMinutes();
            default -> BigDecimal.ZERO;
        };
    }

    private static String inUnits(String type, BigDecimal units) {
        return switch (type) {
            case "DATA" -> Figures.number(units.divide(BYTES_PER_GB, 2, RoundingMode.HALF_UP)) + " GB";
            case "VOICE" -> Figures.number(units) + " minutes";
            default -> Figures.number(units);
        };
    }

    private static String cycles(int count, int termMonths) {
        String term = termMonths == 1 ? "" : " of " + termMonths + "-month terms";
        return (count == 1 ? "cycle" : count + " cycles") + term;
    }
}
