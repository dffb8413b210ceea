package ca.isp.billing.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each rule of the review gate on hand-worked invoices; the arithmetic is in the comments. */
class InvoiceReviewTest {

    private final InvoiceReview review = new InvoiceReview(ReviewSettings.defaults());

    private static final Map<String, BigDecimal> QC = Map.of("GST", new BigDecimal("0.05"), "QST", new BigDecimal("0.09975"));

    private static ReviewedInvoice invoice(String number, int months, String subtotal, String tax, String total,
                                           long dataGb, Map<String, BigDecimal> taxes) {
        return new ReviewedInvoice(number, LocalDate.of(2026, 11, 1), "CAD", months, new BigDecimal(subtotal),
                new BigDecimal(tax), new BigDecimal(total),
                dataGb == 0 ? Map.of() : Map.of("DATA", BigDecimal.valueOf(dataGb).multiply(new BigDecimal("1000000000"))),
                taxes, Set.of());
    }

    private static ReviewedInvoice monthly(String number, String total) {
        return invoice(number, 1, total, "0.00", total, 0, Map.of());
    }

    @Test
    void totalAboveFiveTimesTheMedianOfTheLastCyclesOfTheSameTerm() {
        // history 110.00, 119.87, 125.00, 119.87, 130.00, 100.00 -> sorted 100.00 110.00 119.87 119.87 125.00 130.00,
        // median = (119.87 + 119.87) / 2 = 119.87; limit 5 x 119.87 = 599.35; 1,234.56 / 119.87 = 10.2992 -> 10.3x
        List<ReviewedInvoice> history = List.of(monthly("F6", "110.00"), monthly("F5", "119.87"), monthly("F4", "125.00"),
                monthly("F3", "119.87"), monthly("F2", "130.00"), monthly("F1", "100.00"), monthly("F0", "9999.00"));
        // F0, the seventh, is beyond history.cycles = 6 and does not count
        assertThat(review.review(monthly("F7", "1234.56"), history, Set.of())).containsExactly(new ReviewFinding(
                ReviewRule.TOTAL_VS_MEDIAN,
                "total 1,234.56 is 10.3x this account's median 119.87 of the last 6 cycles (limit 5x)"));
        // 599.35 is exactly 5x: not more than the limit
        assertThat(review.review(monthly("F7", "599.35"), history, Set.of())).isEmpty();
        // 599.36 is: 599.36 / 119.87 = 5.00008 -> 5.0x
        assertThat(review.review(monthly("F7", "599.36"), history, Set.of())).extracting(ReviewFinding::reason)
                .containsExactly("total 599.36 is 5.0x this account's median 119.87 of the last 6 cycles (limit 5x)");
    }

    @Test
    void aQuarterlyInvoiceIsComparedWithQuarterlyOnesOnly() {
        // monthly history 30.00, 30.00; a quarterly 90.00 would be 3x the monthly median, but there is no
        // quarterly history: nothing to compare. Against quarterly 90.00: 450.01 > 5 x 90.00 = 450.00
        List<ReviewedInvoice> monthlyOnly = List.of(monthly("F2", "30.00"), monthly("F1", "30.00"));
        ReviewedInvoice quarter = invoice("F3", 3, "200.00", "0.00", "200.00", 0, Map.of());
        assertThat(review.review(quarter, monthlyOnly, Set.of())).isEmpty();
        ReviewedInvoice pastQuarter = invoice("F0", 3, "90.00", "0.00", "90.00", 0, Map.of());
        assertThat(review.review(invoice("F3", 3, "450.01", "0.00", "450.01", 0, Map.of()),
                List.of(monthly("F2", "30.00"), pastQuarter), Set.of()))
                .extracting(ReviewFinding::reason)
                .containsExactly("total 450.01 is 5.0x this account's median 90.00 of the last cycle of 3-month terms (limit 5x)");
    }

    @Test
    void noHistoryMeansOnlyTheCeilingsApply() {
        // a first invoice of 999.99: under the first-invoice ceiling 1,000.00, no history to compare: clear
        assertThat(review.review(monthly("F1", "999.99"), List.of(), Set.of())).isEmpty();
        assertThat(review.review(monthly("F1", "1000.01"), List.of(), Set.of())).containsExactly(new ReviewFinding(
                ReviewRule.FIRST_INVOICE_CEILING,
                "first invoice of the account: total 1,000.01 is above the first-invoice ceiling of 1,000.00"));
    }

    @Test
    void aQuoteInvoiceMeetsTheCeilingsButIsComparedWithNoCycleInvoice() {
        // BC: the cycle invoice is internet access, GST 5% only: 40.00 + 2.00 = 42.00. The quote
        // invoice sells a router: 100.00 + GST 5.00 + PST 7.00 = 112.00. As a cycle invoice it
        // would be held for a PST "not on the last invoice"; a quote invoice is not compared.
        Map<String, BigDecimal> gstOnly = Map.of("GST", new BigDecimal("0.05"));
        Map<String, BigDecimal> gstPst = Map.of("GST", new BigDecimal("0.05"), "PST", new BigDecimal("0.07"));
        List<ReviewedInvoice> cycles = List.of(invoice("F1", 1, "40.00", "2.00", "42.00", 0, gstOnly));
        ReviewedInvoice router = invoice("F2", 0, "100.00", "12.00", "112.00", 0, gstPst);
        assertThat(review.review(router, cycles, Set.of())).extracting(ReviewFinding::rule)
                .containsExactly(ReviewRule.TAX_CHANGED);
        assertThat(review.reviewQuoteInvoice(router, cycles)).isEmpty();
        // the ceilings still apply: 5,000.01 > 5,000.00 whatever the history
        ReviewedInvoice big = invoice("F3", 0, "5000.01", "0.00", "5000.01", 0, Map.of());
        assertThat(review.reviewQuoteInvoice(big, cycles)).containsExactly(
                new ReviewFinding(ReviewRule.TOTAL_CEILING, "total 5,000.01 is above the ceiling of 5,000.00"));
        // no cycle invoice yet: a first invoice, 1,000.01 > the first-invoice ceiling 1,000.00
        assertThat(review.reviewQuoteInvoice(invoice("F4", 0, "1000.01", "0.00", "1000.01", 0, Map.of()), List.of()))
                .containsExactly(new ReviewFinding(ReviewRule.FIRST_INVOICE_CEILING,
                        "first invoice of the account: total 1,000.01 is above the first-invoice ceiling of 1,000.00"));
        // a zero quote invoice (a free visit) where the last cycle invoice asked 42.00: not "not paying"
        assertThat(review.reviewQuoteInvoice(invoice("F5", 0, "0.00", "0.00", "0.00", 0, Map.of()), cycles)).isEmpty();
    }

    @Test
    void aboveTheAbsoluteCeilingWhateverTheHistory() {
        // median 6,000.00 x 5 = 30,000.00: 6,000.01 is normal for this account but above 5,000.00
        assertThat(review.review(monthly("F2", "6000.01"), List.of(monthly("F1", "6000.00")), Set.of()))
                .containsExactly(new ReviewFinding(ReviewRule.TOTAL_CEILING, "total 6,000.01 is above the ceiling of 5,000.00"));
    }

    @Test
    void zeroOrNegativeWhereTheAccountUsedToPay() {
        assertThat(review.review(monthly("F2", "-12.00"), List.of(monthly("F1", "45.99")), Set.of()))
                .containsExactly(new ReviewFinding(ReviewRule.NOT_PAYING,
                        "total -12.00 where the account's last invoice F1 was 45.99"));
        assertThat(review.review(monthly("F2", "0.00"), List.of(monthly("F1", "45.99")), Set.of()))
                .extracting(ReviewFinding::rule).containsExactly(ReviewRule.NOT_PAYING);
        // an account whose last invoice was a credit already: nothing new
        assertThat(review.review(monthly("F2", "-12.00"), List.of(monthly("F1", "-5.00")), Set.of())).isEmpty();
    }

    @Test
    void aMissingQstIsHeldUnlessADatedRateChangeExplainsIt() {
        // last: 40.00 + GST 40 x 0.05 = 2.00 + QST 40 x 0.09975 = 3.99 -> tax 5.99; now GST only: 2.00
        ReviewedInvoice last = invoice("F1", 1, "40.00", "5.99", "45.99", 0, QC);
        ReviewedInvoice now = invoice("F2", 1, "40.00", "2.00", "42.00", 0, Map.of("GST", new BigDecimal("0.05")));
        assertThat(review.review(now, List.of(last), Set.of())).containsExactly(new ReviewFinding(ReviewRule.TAX_CHANGED,
                "tax 2.00 on 40.00, no dated rate change explains it: QST 9.975% was charged on the last invoice F1 and is not charged on this one"));
        // the QST rate table ends between the two invoices: a known change
        assertThat(review.review(now, List.of(last), Set.of("QST"))).isEmpty();
    }

    @Test
    void taxDroppedToZeroOrARateThatChanged() {
        ReviewedInvoice last = invoice("F1", 1, "40.00", "5.99", "45.99", 0, QC);
        ReviewedInvoice none = invoice("F2", 1, "40.00", "0.00", "40.00", 0, Map.of());
        assertThat(review.review(none, List.of(last), Set.of())).extracting(ReviewFinding::reason).containsExactly(
                "tax 0.00 on 40.00 where the last invoice F1 charged 5.99 on 40.00: GST 5% was charged on the last invoice F1"
                        + " and is not charged on this one; QST 9.975% was charged on the last invoice F1 and is not charged on this one");
        // GST 5% -> 6%: 40 x 0.06 = 2.40 + 3.99 = 6.39
        ReviewedInvoice six = invoice("F2", 1, "40.00", "6.39", "46.39", 0,
                Map.of("GST", new BigDecimal("0.06"), "QST", new BigDecimal("0.09975")));
        assertThat(review.review(six, List.of(last), Set.of())).extracting(ReviewFinding::reason).containsExactly(
                "tax 6.39 on 40.00, no dated rate change explains it: GST was 5% on the last invoice F1 and is 6% on this one");
        assertThat(review.review(six, List.of(last), Set.of("GST"))).isEmpty();
        // an exemption certificate: GST exempt now (amount 0.00 on the line) is not an anomaly
        ReviewedInvoice exempt = new ReviewedInvoice("F2", LocalDate.of(2026, 11, 1), "CAD", 1, new BigDecimal("40.00"),
                new BigDecimal("3.99"), new BigDecimal("43.99"), Map.of(), Map.of("QST", new BigDecimal("0.09975")), Set.of("GST"));
        assertThat(review.review(exempt, List.of(last), Set.of())).isEmpty();
    }

    @Test
    void usageAboveItsUsual() {
        // DATA usual: median of 60, 64, 58 GB = 60 GB; limit 1.8 x 60 = 108 GB; 120 GB / 60 = 2.0x
        List<ReviewedInvoice> history = List.of(invoice("F3", 1, "50.00", "0", "50.00", 60, Map.of()),
                invoice("F2", 1, "50.00", "0", "50.00", 64, Map.of()), invoice("F1", 1, "50.00", "0", "50.00", 58, Map.of()));
        assertThat(review.review(invoice("F4", 1, "50.00", "0", "50.00", 120, Map.of()), history, Set.of()))
                .containsExactly(new ReviewFinding(ReviewRule.USAGE_VS_USUAL,
                        "DATA usage 120 GB is 2.0x this account's usual 60 GB (median of the last 3 cycles, limit 1.8x)"));
        assertThat(review.review(invoice("F4", 1, "50.00", "0", "50.00", 108, Map.of()), history, Set.of())).isEmpty();
        // 1 GB usual, 4 GB now: 4x but under the 5 GB minimum, too small to matter
        assertThat(review.review(invoice("F2", 1, "50.00", "0", "50.00", 4, Map.of()),
                List.of(invoice("F1", 1, "50.00", "0", "50.00", 1, Map.of())), Set.of())).isEmpty();
    }

    @Test
    void aRuleSwitchedOffSaysNothing() {
        InvoiceReview off = new InvoiceReview(ReviewSettings.of(Map.of("total-ceiling.enabled", "false")));
        assertThat(off.review(monthly("F2", "6000.01"), List.of(monthly("F1", "6000.00")), Set.of())).isEmpty();
    }

    @Test
    void settingsRefuseTyposWithTheKeyNamed() {
        assertThatThrownBy(() -> ReviewSettings.of(Map.of("total-vs-medain.multiple", "5")))
                .hasMessage("unknown review rule setting 'total-vs-medain.multiple'");
        assertThatThrownBy(() -> ReviewSettings.of(Map.of("total-vs-median.multiple", "five")))
                .hasMessage("total-vs-median.multiple must be a number, not 'five'");
        assertThatThrownBy(() -> ReviewSettings.of(Map.of("tax-changed.enabled", "yes")))
                .hasMessage("tax-changed.enabled must be true or false, not 'yes'");
    }

    @Test
    void termMonthsByDays() {
        // Nov 1..Nov 30 = 30 days / 30.44 = 0.99 -> 1; Dec 1..Feb 28 = 90 days -> 2.96 -> 3; a 10-day stub -> 0.33 -> 0
        assertThat(ReviewedInvoice.termMonths(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEqualTo(1);
        assertThat(ReviewedInvoice.termMonths(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28))).isEqualTo(3);
        assertThat(ReviewedInvoice.termMonths(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 30))).isZero();
    }
}
