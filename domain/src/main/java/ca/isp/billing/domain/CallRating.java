package ca.isp.billing.domain;

/** What rating one call gave: a {@link RatedCall}, a {@link RatingGap} or an {@link UnbilledCall}. */
public sealed interface CallRating permits RatedCall, RatingGap, UnbilledCall {

    Call call();
}
