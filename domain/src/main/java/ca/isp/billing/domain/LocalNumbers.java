package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;

/** Numbers as a reader of the invoice's language writes them (312.456 / 312,456). */
final class LocalNumbers {

    private LocalNumbers() {
    }

    /** Formats with up to {@code maxDecimals} decimals, half up, no trailing zeros. */
    static String format(BigDecimal value, int maxDecimals, Language language) {
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
