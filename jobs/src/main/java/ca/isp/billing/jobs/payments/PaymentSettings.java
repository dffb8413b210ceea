package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments ({@code billing.payments.*}).
 *
 * @param nsfFee the fee a returned cheque or debit (an NSF reversal) costs the customer, billed
 *               on the account's next invoice as an NSF_FEE line; 0.00 (the default) charges none
 */
@ConfigurationProperties("billing.payments")
public record PaymentSettings(@DefaultValue("0.00") BigDecimal nsfFee) {

    /** At most 1,000.00 and 2 decimals: more is a typo in the settings. */
    public PaymentSettings {
        if (nsfFee.signum() < 0 || nsfFee.compareTo(new BigDecimal("1000.00")) > 0 || nsfFee.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("billing.payments.nsf-fee must be 0.00 to 1000.00 with 2 decimals at most: "
                    + nsfFee.toPlainString());
        }
    }
}
