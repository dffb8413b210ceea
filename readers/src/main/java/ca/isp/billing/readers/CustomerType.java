package ca.isp.billing.readers;

/** Customer type column of the accounts file. */
public enum CustomerType {
    RESIDENTIAL, COMMERCIAL
}
