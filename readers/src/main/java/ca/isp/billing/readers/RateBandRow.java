package ca.isp.billing.readers;

import ca.isp.billing.domain.BandWindow;

/** One line of the rate-bands file: a window of a time band of one rate table. */
public record RateBandRow(String rateTable, BandWindow window) {
}
