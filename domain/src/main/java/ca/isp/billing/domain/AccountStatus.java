package ca.isp.billing.domain;

/**
 * An account's standing in collections (see DelinquencyPolicy): ACTIVE, DELINQUENT (overdue,
 * past-due warning), SUSPENDED (service cut until the overdue balance is paid), WRITTEN_OFF (its
 * uncollectable balance written off, see WriteOffPolicy: no longer billed, never reactivated by a
 * payment; only an operator brings it back).
 */
public enum AccountStatus {
    ACTIVE, DELINQUENT, SUSPENDED, WRITTEN_OFF
}
