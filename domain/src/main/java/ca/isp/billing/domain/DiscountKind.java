package ca.isp.billing.domain;

/** How a discount is counted: a percentage of the plan's price, or a fixed amount off each term. */
public enum DiscountKind {
    /** {@code value} percent of what the plan line bills for the discounted days. */
    PERCENT,
    /** {@code value} off each term of the plan, prorated by the days discounted, never more than the plan bills. */
    FIXED
}
