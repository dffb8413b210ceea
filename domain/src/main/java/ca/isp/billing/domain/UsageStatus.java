package ca.isp.billing.domain;

/**
 * A usage record's progress: NEW (ingested) -> RATED (matched to a subscription, in billable
 * units) -> BILLED (on an invoice). UNMATCHED: no subscription has its service id; it is kept,
 * reported and rated again next run.
 */
public enum UsageStatus {
    NEW, RATED, UNMATCHED, BILLED
}
