package ca.isp.billing.domain;

/** Metered usage: DATA quantities are bytes, VOICE quantities are seconds. */
public enum UsageType {
    DATA, VOICE
}
