package ca.isp.billing.domain;

/** What a plan sells: Internet access or phone service. */
public enum PlanKind {
    INTERNET, VOIP
}
