package ca.isp.billing.domain.review;

/** A rule an invoice (or the cycle) tripped, with the figures in words. */
public record ReviewFinding(ReviewRule rule, String reason) {
}
