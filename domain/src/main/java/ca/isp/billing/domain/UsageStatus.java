package ca.isp.billing.domain;

/**
 * A usage record's progress: NEW (ingested) -> RATED (matched to a subscription, in billable
 * units) -> BILLED (on an invoice). UNMATCHED: no subscription has its service id; it is kept,
 * reported and rated again next run. RATING_GAP: a call of a plan with a rate table that no rate
 * of it prices (RatingGap): kept out of billing, reported, rated again next run.
 */
public enum UsageStatus {
    NEW, RATED, UNMATCHED, RATING_GAP, BILLED
}
