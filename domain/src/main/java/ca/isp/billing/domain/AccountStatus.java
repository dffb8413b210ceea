package ca.isp.billing.domain;

/**
 * An account's standing in collections (see DelinquencyPolicy): ACTIVE, DELINQUENT (overdue,
 * past-due warning), SUSPENDED (service cut until the overdue balance is paid), WRITTEN_OFF (its
 * uncollectable balance written off, see WriteOffPolicy: no longer billed, never reactivated by a
 * payment; only an operator brings it back), CLOSED (the customer left: its final bill issued by
 * close-account; never billed by a cycle again, no late fee, never made delinquent, but what it
 * still owes stays open to payments and is written off as a suspended account's would be).
 */
public enum AccountStatus {
    ACTIVE, DELINQUENT, SUSPENDED, WRITTEN_OFF, CLOSED
}
