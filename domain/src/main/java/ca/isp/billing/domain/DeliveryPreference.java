package ca.isp.billing.domain;

/** How an account asked to receive its invoices: printed and mailed, emailed, or both. */
public enum DeliveryPreference {
    MAIL, EMAIL, BOTH;

    /** True when invoices go by email, so the account needs an email address. */
    public boolean byEmail() {
        return this != MAIL;
    }
}
