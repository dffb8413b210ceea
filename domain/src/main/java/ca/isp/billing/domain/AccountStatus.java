package ca.isp.billing.domain;

/**
 * An account's standing in collections (see DelinquencyPolicy): ACTIVE, DELINQUENT (overdue,
 * past-due warning), SUSPENDED (service cut until the overdue balance is paid).
 */
public enum AccountStatus {
    ACTIVE, DELINQUENT, SUSPENDED
}
