package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceLimitsTest {

    private static InvoiceLine line(String key, String quantity, String amount) {
        return new InvoiceLine(LineType.USAGE, key, "Data", "why", null, null, new BigDecimal(quantity), "GB",
                new BigDecimal("2.00"), new BigDecimal(amount));
    }

    @Test
    void anInvoiceUpToOneBillionFits() {
        // 600,000,000.00 + 400,000,000.00 = 1,000,000,000.00: exactly the limit
        assertThat(InvoiceLimits.refusal(List.of(line("A", "300000000", "600000000.00"),
                line("B", "200000000", "400000000.00")))).isNull();
        assertThat(InvoiceLimits.refusal(List.of())).isNull();
    }

    @Test
    void aCentMoreIsRefusedWithTheAmount() {
        assertThat(InvoiceLimits.refusal(List.of(line("A", "300000000", "600000000.00"),
                line("B", "200000000", "400000000.01"))))
                .isEqualTo("charges of 1,000,000,000.01 are more than one invoice can hold (1,000,000,000.00)");
    }

    @Test
    void taxLinesDoNotCountAsCharges() {
        InvoiceLine tax = new InvoiceLine(LineType.TAX, "TAX:HST", "HST", "why", null, null, null, null, null,
                new BigDecimal("130000000.00"));

        assertThat(InvoiceLimits.refusal(List.of(line("A", "500000000", "1000000000.00"), tax))).isNull();
    }

    @Test
    void aQuantityTooLargeForItsColumnIsRefusedEvenAtNoCharge() {
        // 2 x (2^63 - 1) bytes over a 0.00/GB rate: 18,446,744,073.709 GB fits; 10^14 GB does not
        assertThat(InvoiceLimits.refusal(List.of(line("D", "18446744073.709", "0.00")))).isNull();
        assertThat(InvoiceLimits.refusal(List.of(line("D", "100000000000000", "0.00"))))
                .isEqualTo("line D has a quantity of 100000000000000 GB, more than one line can hold (99999999999999)");
    }
}
