package ca.isp.billing.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CycleRevenueReviewTest {

    private final CycleRevenueReview review = new CycleRevenueReview(ReviewSettings.defaults());

    @Test
    void aPlanWhoseRevenueMovedMoreThanTwentyPercent() {
        // FIBRE-60: 12 accounts, 719.88 last time (12 x 59.99), 7,198.80 now (a 10x typo):
        // (7198.80 - 719.88) x 100 / 719.88 = 900.0%
        RevenueGroup typo = new RevenueGroup("FIBRE-60", "CAD", 12, new BigDecimal("7198.80"), new BigDecimal("719.88"));
        // NET-UNL: 10 accounts, 400.00 -> 479.99: 79.99 x 100 / 400.00 = 19.9975 -> 20.0%, not more than 20
        RevenueGroup steady = new RevenueGroup("NET-UNL", "CAD", 10, new BigDecimal("479.99"), new BigDecimal("400.00"));
        // PHONE: -50%, but 9 accounts, under the minimum of 10: skipped
        RevenueGroup small = new RevenueGroup("PHONE", "CAD", 9, new BigDecimal("67.50"), new BigDecimal("135.00"));
        assertThat(review.review(ReviewRule.PLAN_REVENUE, List.of(typo, steady, small))).containsExactly(new ReviewFinding(
                ReviewRule.PLAN_REVENUE,
                "plan FIBRE-60 (CAD): revenue 7,198.80 from 12 accounts against 719.88 on their previous invoices at today's prices: +900.0% (limit 20%)"));
    }

    @Test
    void aJurisdictionThatDroppedAndTheSwitch() {
        // QC: 480.00 -> 360.00: -120 x 100 / 480 = -25.0%
        RevenueGroup qc = new RevenueGroup("CA/QC", "CAD", 12, new BigDecimal("360.00"), new BigDecimal("480.00"));
        assertThat(review.review(ReviewRule.JURISDICTION_REVENUE, List.of(qc))).extracting(ReviewFinding::reason)
                .containsExactly("jurisdiction CA/QC (CAD): revenue 360.00 from 12 accounts against 480.00 on their previous invoices at today's prices: -25.0% (limit 20%)");
        CycleRevenueReview off = new CycleRevenueReview(ReviewSettings.of(Map.of("jurisdiction-revenue.enabled", "false")));
        assertThat(off.review(ReviewRule.JURISDICTION_REVENUE, List.of(qc))).isEmpty();
    }
}
