package ca.isp.billing.domain;

/**
 * The currency an account is billed in: US dollars for a billing address in the United
 * States, Canadian dollars everywhere else (the ISP bills from Canada).
 */
public enum BillingCurrency {
    CAD, USD;

    /** The currency of an account whose billing address is in {@code country} (ISO 3166 alpha-2). */
    public static BillingCurrency forBillingCountry(String country) {
        return "US".equals(country) ? USD : CAD;
    }
}
