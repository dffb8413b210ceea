package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One band of a data price: each GB used in the period (or the day) from {@code fromGb} up to the
 * next band's start costs {@code pricePerGb}. Bounds count the GB used from the first byte, so a
 * table reads as it is sold ("from 100 GB: 2.00 a GB, from 200 GB: 1.00 a GB").
 */
public record GbBand(BigDecimal fromGb, BigDecimal pricePerGb) {

    public GbBand {
        Objects.requireNonNull(fromGb, "fromGb");
        Objects.requireNonNull(pricePerGb, "pricePerGb");
        if (fromGb.signum() < 0) {
            throw new IllegalArgumentException("a band cannot start below 0 GB: " + fromGb);
        }
        if (pricePerGb.signum() < 0) {
            throw new IllegalArgumentException("a price per GB cannot be negative: " + pricePerGb);
        }
    }

    public static GbBand from(String fromGb, String pricePerGb) {
        return new GbBand(new BigDecimal(fromGb), new BigDecimal(pricePerGb));
    }
}
