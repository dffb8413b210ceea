package ca.isp.billing.domain.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cycle-wide rules: a plan's ({@link ReviewRule#PLAN_REVENUE}) or a jurisdiction's
 * ({@link ReviewRule#JURISDICTION_REVENUE}) revenue that moved more than the limit from the last
 * cycle. A finding holds the cycle's whole hand-off until an operator decides. Groups of fewer
 * accounts than the minimum are too small to say anything and are skipped.
 */
public final class CycleRevenueReview {

    private final ReviewSettings settings;

    public CycleRevenueReview(ReviewSettings settings) {
        this.settings = settings;
    }

    public List<ReviewFinding> review(ReviewRule rule, List<RevenueGroup> groups) {
        if (!rule.cycleWide()) {
            throw new IllegalArgumentException(rule + " is not a cycle-wide rule");
        }
        List<ReviewFinding> findings = new ArrayList<>();
        if (!settings.on(rule)) {
            return findings;
        }
        BigDecimal limit = rule == ReviewRule.PLAN_REVENUE ? settings.planRevenuePercent()
                : settings.jurisdictionRevenuePercent();
        int minimum = rule == ReviewRule.PLAN_REVENUE ? settings.planMinimumAccounts()
                : settings.jurisdictionMinimumAccounts();
        String kind = rule == ReviewRule.PLAN_REVENUE ? "plan " : "jurisdiction ";
        for (RevenueGroup group : groups) {
            if (group.accounts() < minimum || group.previous().signum() <= 0) {
                continue;
            }
            BigDecimal moved = group.current().subtract(group.previous()).multiply(BigDecimal.valueOf(100))
                    .divide(group.previous(), 1, RoundingMode.HALF_UP);
            if (moved.abs().compareTo(limit) > 0) {
                findings.add(new ReviewFinding(rule, kind + group.name() + " (" + group.currency() + "): revenue "
                        + Figures.money(group.current()) + " from " + group.accounts() + " accounts against "
                        + Figures.money(group.previous()) + " on their previous invoices at today's prices: "
                        + (moved.signum() > 0 ? "+" : "") + moved.toPlainString() + "% (limit "
                        + Figures.number(limit) + "%)"));
            }
        }
        return findings;
    }
}
