package ca.isp.billing.domain;

/**
 * A call that no rate prices: never billed at zero, listed for the operator with the reason
 * ("no rate in table RES for 33612345678 on 2026-10-05"), and rated again once the rates are fixed.
 */
public record RatingGap(Call call, String reason) implements CallRating {
}
