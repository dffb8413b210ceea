package ca.isp.billing.domain;

/** The kinds of invoice line. Every amount on an invoice is one of these. */
public enum LineType {
    /** A plan charged for a service period (in advance). */
    RECURRING,
    /** Metered usage (data over the allowance, calls) for a past period. */
    USAGE,
    /** A one-time charge (installation, equipment). */
    ONE_TIME,
    /** A credit (negative amount). */
    CREDIT,
    /** A tax for one jurisdiction, on the taxable lines of the same invoice. */
    TAX,
    /** A late fee on an earlier invoice left unpaid past its due date. */
    LATE_FEE,
    /** A discount on a plan line (negative), or a repair of one; taxed with the plan it discounts. */
    DISCOUNT,
    /** The fee of a returned payment (an NSF cheque), billed once on the next invoice. */
    NSF_FEE;

    /** Tax applies to what the customer buys, not to taxes or late fees. */
    public boolean isTaxable() {
        return this == RECURRING || this == USAGE || this == ONE_TIME || this == CREDIT || this == DISCOUNT;
    }
}
