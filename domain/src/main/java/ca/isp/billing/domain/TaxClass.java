package ca.isp.billing.domain;

/**
 * What a line sells, as the tax authorities class it: taxability rules are per tax and class.
 * A plan has one (its kind's by default), a late fee is LATE_FEE, anything not classed is GENERAL.
 */
public enum TaxClass {
    /** Internet access: exempt from US state and local sales tax (Internet Tax Freedom Act); BC exempts it from PST. */
    INTERNET_ACCESS,
    /** Voice over IP phone service. */
    VOIP,
    /** A residential landline (BC exempts it from PST). */
    LANDLINE_RESIDENTIAL,
    EQUIPMENT_SALE,
    EQUIPMENT_RENTAL,
    INSTALLATION,
    /** A late payment fee: not taxed unless a rule says the tax applies to it. */
    LATE_FEE,
    /** Goods and services not otherwise classed: taxed by every tax unless a rule says otherwise. */
    GENERAL;

    /** The class of a plan that names none: its kind's. */
    public static TaxClass ofPlanKind(PlanKind kind) {
        return kind == PlanKind.VOIP ? VOIP : INTERNET_ACCESS;
    }
}
