package ca.isp.billing.domain.review;

/**
 * The review gate's rules, by the name used in templates/review-rules.properties, the hold
 * records and the run summary. The first six look at one invoice against its account's own
 * history; the last two at the cycle as a whole.
 */
public enum ReviewRule {
    TOTAL_VS_MEDIAN("total-vs-median"),
    TOTAL_CEILING("total-ceiling"),
    NOT_PAYING("not-paying"),
    TAX_CHANGED("tax-changed"),
    USAGE_VS_USUAL("usage-vs-usual"),
    FIRST_INVOICE_CEILING("first-invoice-ceiling"),
    PLAN_REVENUE("plan-revenue"),
    JURISDICTION_REVENUE("jurisdiction-revenue");

    private final String key;

    ReviewRule(String key) {
        this.key = key;
    }

    /** The rule's name in the rules file: {@code <key>.enabled}, {@code <key>.<threshold>}. */
    public String key() {
        return key;
    }

    public boolean cycleWide() {
        return this == PLAN_REVENUE || this == JURISDICTION_REVENUE;
    }
}
