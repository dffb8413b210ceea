package ca.isp.billing.domain;

/** How a penalty class computes a late fee from the overdue base. */
public enum PenaltyMethod {
    /** A percentage of the overdue base. */
    PERCENT,
    /** A fixed amount. */
    FLAT,
    /** The greater of the percentage and the fixed amount. */
    GREATER_OF
}
