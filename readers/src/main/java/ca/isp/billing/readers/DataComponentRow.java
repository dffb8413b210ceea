package ca.isp.billing.readers;

import java.math.BigDecimal;

import ca.isp.billing.domain.DataMetering;
import ca.isp.billing.domain.GbBand;

/**
 * One line of the data-components file: one band of one consumption component of a plan, with the
 * component's own settings (names, metering, minimum, cap), the same on every band of it.
 */
public record DataComponentRow(String planCode, String component, String nameEn, String nameFr,
                               DataMetering metering, GbBand band, BigDecimal minimum, BigDecimal cap) {

    /** The settings every band of a component must repeat, as one comparable value. */
    public String settings() {
        return nameEn + "|" + nameFr + "|" + metering + "|" + plain(minimum) + "|" + plain(cap);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
