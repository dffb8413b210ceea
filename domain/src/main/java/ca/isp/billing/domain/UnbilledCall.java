package ca.isp.billing.domain;

/** A call that is not billed, by rule: it was not answered. */
public record UnbilledCall(Call call, String reason) implements CallRating {
}
