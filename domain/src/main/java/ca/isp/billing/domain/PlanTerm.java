package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/**
 * What one term of a plan costs and how long it is: the price of the whole term (so an annual
 * price of 2,399.95 is entered as it is, not as a monthly price times 12), billed in advance.
 * {@code billsWhileSuspended}: the plan's choice to keep billing a suspended service (a line kept
 * for the customer) or not (a seasonal hold).
 */
public record PlanTerm(String code, String nameEn, String nameFr, BigDecimal price, int months,
                       boolean billsWhileSuspended) {

    /** The term lengths a plan may have. */
    public static final Set<Integer> TERM_MONTHS = Set.of(1, 2, 3, 6, 12);

    public PlanTerm {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("plan code is required");
        }
        Objects.requireNonNull(nameEn, () -> "plan " + code + ": name_en is required");
        Objects.requireNonNull(nameFr, () -> "plan " + code + ": name_fr is required");
        Objects.requireNonNull(price, () -> "plan " + code + ": price is required");
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("plan " + code + ": price must be >= 0 with at most 2 decimals: " + price);
        }
        if (!TERM_MONTHS.contains(months)) {
            throw new IllegalArgumentException("plan " + code + ": a term is 1, 2, 3, 6 or 12 months, not " + months);
        }
        price = price.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }

    /** The plan name as printed on an invoice in this language. */
    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }
}
