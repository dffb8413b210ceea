package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A plan from the price list. {@code includedGb} null means unlimited data, {@code perMinute}
 * null means calls are included; {@code periodMonths} is 1 for a monthly plan.
 */
public record Plan(String code, String nameEn, String nameFr, PlanKind kind, BigDecimal monthlyPrice,
                   int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb,
                   BigDecimal perMinute) {

    public Plan {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("plan code is required");
        }
        Objects.requireNonNull(nameEn, () -> "plan " + code + ": name_en is required");
        Objects.requireNonNull(nameFr, () -> "plan " + code + ": name_fr is required");
        Objects.requireNonNull(kind, () -> "plan " + code + ": kind is required");
        Objects.requireNonNull(monthlyPrice, () -> "plan " + code + ": monthly_price is required");
        if (monthlyPrice.signum() < 0) {
            throw new IllegalArgumentException("plan " + code + ": monthly_price is negative: " + monthlyPrice);
        }
        if (periodMonths < 1) {
            throw new IllegalArgumentException("plan " + code + ": period_months must be 1 or more: " + periodMonths);
        }
        if (includedGb != null && includedGb.signum() < 0) {
            throw new IllegalArgumentException("plan " + code + ": included_gb is negative: " + includedGb);
        }
        if (includedGb != null && overagePerGb == null) {
            throw new IllegalArgumentException("plan " + code + ": overage_per_gb is required when included_gb is set");
        }
        if (overagePerGb != null && overagePerGb.signum() < 0) {
            throw new IllegalArgumentException("plan " + code + ": overage_per_gb is negative: " + overagePerGb);
        }
        if (perMinute != null && perMinute.signum() < 0) {
            throw new IllegalArgumentException("plan " + code + ": per_minute is negative: " + perMinute);
        }
    }

    /** The plan name as printed on an invoice in this language. */
    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }

    public boolean isMonthly() {
        return periodMonths == 1;
    }
}
