package ca.isp.billing.readers;

/** How an account receives its invoices: printed and mailed, emailed, or both. */
public enum Delivery {
    MAIL, EMAIL, BOTH;

    /** True when invoices go by email, so the account needs an email address. */
    public boolean byEmail() {
        return this != MAIL;
    }
}
