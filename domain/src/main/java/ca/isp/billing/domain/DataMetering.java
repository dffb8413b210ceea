package ca.isp.billing.domain;

/**
 * How a consumption component measures data: the GB of the whole usage period, or the GB of each
 * day on its own (each day priced by the bands, and held to the minimum, separately).
 */
public enum DataMetering {
    PER_PERIOD, PER_DAY
}
