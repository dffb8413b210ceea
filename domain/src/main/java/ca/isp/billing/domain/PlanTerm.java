package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one term of a plan costs and how long it is: the price of the whole term (so an annual
 * price of 2,399.95 is entered as it is, not as a monthly price times 12), billed in advance.
 * {@code billsWhileSuspended}: the plan's choice to keep billing a suspended service (a line kept
 * for the customer) or not (a seasonal hold).
 * {@code pricesFrom}: the price over time, by the first day of the terms it applies to (a term pays
 * the price in force on its first day, so a price raised after a term was billed does not re-bill
 * it); {@code price} is the latest.
 */
public record PlanTerm(String code, String nameEn, String nameFr, BigDecimal price, int months,
                       boolean billsWhileSuspended, NavigableMap<LocalDate, BigDecimal> pricesFrom) {

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
        Objects.requireNonNull(pricesFrom, () -> "plan " + code + ": prices are required");
        TreeMap<LocalDate, BigDecimal> prices = new TreeMap<>();
        for (Map.Entry<LocalDate, BigDecimal> dated : pricesFrom.entrySet()) {
            BigDecimal p = dated.getValue();
            if (p.signum() < 0 || p.stripTrailingZeros().scale() > Money.SCALE) {
                throw new IllegalArgumentException("plan " + code + ": price from " + dated.getKey()
                        + " must be >= 0 with at most 2 decimals: " + p);
            }
            prices.put(dated.getKey(), p.setScale(Money.SCALE, RoundingMode.UNNECESSARY));
        }
        pricesFrom = java.util.Collections.unmodifiableNavigableMap(prices);
    }

    /** A plan whose price has always been {@code price}. */
    public PlanTerm(String code, String nameEn, String nameFr, BigDecimal price, int months,
                    boolean billsWhileSuspended) {
        this(code, nameEn, nameFr, price, months, billsWhileSuspended, new TreeMap<>());
    }

    /** The price of a term that starts on {@code firstDay}: the one in force that day (the latest when none is dated). */
    public BigDecimal priceOn(LocalDate firstDay) {
        Map.Entry<LocalDate, BigDecimal> inForce = pricesFrom.floorEntry(firstDay);
        if (inForce != null) {
            return inForce.getValue();
        }
        return pricesFrom.isEmpty() ? price : pricesFrom.firstEntry().getValue();
    }

    /** The plan name as printed on an invoice in this language. */
    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }
}
