package ca.isp.billing.domain.review;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The review gate's switches and thresholds, as templates/review-rules.properties gives them
 * (every key is documented there and in templates/README.md). A key left out keeps its default;
 * an unknown key or a value that is not a number is refused with the key named, so a typo never
 * switches a rule off silently.
 */
public record ReviewSettings(Set<ReviewRule> enabled, int historyCycles, BigDecimal totalMultiple,
                             BigDecimal totalCeiling, BigDecimal usageMultiple, BigDecimal usageMinimumDataGb,
                             BigDecimal usageMinimumVoiceMinutes, BigDecimal firstInvoiceCeiling,
                             BigDecimal planRevenuePercent, int planMinimumAccounts,
                             BigDecimal jurisdictionRevenuePercent, int jurisdictionMinimumAccounts) {

    public ReviewSettings {
        enabled = enabled.isEmpty() ? EnumSet.noneOf(ReviewRule.class) : EnumSet.copyOf(enabled);
    }

    /** The defaults, the values of the rules file shipped in templates/. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        for (ReviewRule rule : ReviewRule.values()) {
            d.put(rule.key() + ".enabled", "true");
        }
        d.put("history.cycles", "6");
        d.put("total-vs-median.multiple", "5");
        d.put("total-ceiling.amount", "5000.00");
        d.put("usage-vs-usual.multiple", "1.8");
        d.put("usage-vs-usual.minimum-data-gb", "5");
        d.put("usage-vs-usual.minimum-voice-minutes", "60");
        d.put("first-invoice-ceiling.amount", "1000.00");
        d.put("plan-revenue.percent", "20");
        d.put("plan-revenue.minimum-accounts", "10");
        d.put("jurisdiction-revenue.percent", "20");
        d.put("jurisdiction-revenue.minimum-accounts", "10");
        DEFAULTS = Map.copyOf(d);
    }

    public static ReviewSettings defaults() {
        return of(Map.of());
    }

    /**
     * Reads the settings from the file's keys and values (trimmed); what is missing is a default.
     *
     * @throws IllegalArgumentException naming the key: unknown key, not true/false, not a number, negative
     */
    public static ReviewSettings of(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown review rule setting '" + key + "'");
            }
        }
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        values.forEach((k, v) -> all.put(k, v.trim()));
        Set<ReviewRule> enabled = EnumSet.noneOf(ReviewRule.class);
        for (ReviewRule rule : ReviewRule.values()) {
            String key = rule.key() + ".enabled";
            String value = all.get(key);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
            }
            if (value.equals("true")) {
                enabled.add(rule);
            }
        }
        return new ReviewSettings(enabled, whole(all, "history.cycles", 1),
                number(all, "total-vs-median.multiple"), number(all, "total-ceiling.amount"),
                number(all, "usage-vs-usual.multiple"), number(all, "usage-vs-usual.minimum-data-gb"),
                number(all, "usage-vs-usual.minimum-voice-minutes"), number(all, "first-invoice-ceiling.amount"),
                number(all, "plan-revenue.percent"), whole(all, "plan-revenue.minimum-accounts", 1),
                number(all, "jurisdiction-revenue.percent"), whole(all, "jurisdiction-revenue.minimum-accounts", 1));
    }

    public boolean on(ReviewRule rule) {
        return enabled.contains(rule);
    }

    private static BigDecimal number(Map<String, String> all, String key) {
        String value = all.get(key);
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
        if (number.signum() <= 0) {
            throw new IllegalArgumentException(key + " must be more than 0, not '" + value + "'");
        }
        return number;
    }

    private static int whole(Map<String, String> all, String key, int minimum) {
        String value = all.get(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum && number <= 1000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + minimum + " to 1000, not '" + value + "'");
    }
}
