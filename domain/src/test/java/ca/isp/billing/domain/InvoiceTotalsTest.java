package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    @Test
    void subtotalIsEverythingButTaxes() {
        List<InvoiceLine> lines = List.of(
                line(LineType.RECURRING, "89.98"),
                line(LineType.USAGE, "12.34"),
                line(LineType.CREDIT, "-10.00"),
                line(LineType.LATE_FEE, "5.00"),
                line(LineType.TAX, "5.12"),
                line(LineType.TAX, "10.21"));

        InvoiceTotals totals = InvoiceTotals.of(lines);

        assertThat(totals.subtotal()).isEqualTo(new BigDecimal("97.32")); // 89.98 + 12.34 - 10.00 + 5.00 = 97.32
        assertThat(totals.tax()).isEqualTo(new BigDecimal("15.33"));      // 5.12 + 10.21 = 15.33
        assertThat(totals.total()).isEqualTo(new BigDecimal("112.65"));   // 97.32 + 15.33 = 112.65
    }

    @Test
    void creditCanMakeTheTotalNegative() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(line(LineType.CREDIT, "-50.00"), line(LineType.TAX, "-6.50")));

        assertThat(totals.total()).isEqualTo(new BigDecimal("-56.50"));   // -50.00 + -6.50 = -56.50
    }

    @Test
    void emptyInvoiceIsZeroToTheCent() {
        InvoiceTotals totals = InvoiceTotals.of(List.of());

        assertThat(totals.subtotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(totals.tax()).isEqualTo(new BigDecimal("0.00"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("0.00"));
    }

    private static InvoiceLine line(LineType type, String amount) {
        return new InvoiceLine(type, type + ":" + amount, type.name(), "test", null, null, BigDecimal.ONE, "each",
                new BigDecimal(amount), new BigDecimal(amount));
    }
}
