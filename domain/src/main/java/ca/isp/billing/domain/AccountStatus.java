package ca.isp.billing.domain;

/** An account's standing in collections (see DelinquencyPolicy). */
public enum AccountStatus {
    ACTIVE, DELINQUENT
}
