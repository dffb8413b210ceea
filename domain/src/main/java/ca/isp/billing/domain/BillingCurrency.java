package ca.isp.billing.domain;

/**
 * The currency an account is billed in: US dollars for a service address in the United States,
 * Canadian dollars everywhere else (the ISP bills from Canada). The service address decides, as
 * it decides the taxes: a Maine service billed to a Quebec mailing address is taxed by Maine and
 * billed in USD.
 */
public enum BillingCurrency {
    CAD, USD;

    /** The currency of an account whose service address is in {@code country} (ISO 3166 alpha-2). */
    public static BillingCurrency forServiceCountry(String country) {
        return "US".equals(country) ? USD : CAD;
    }
}
