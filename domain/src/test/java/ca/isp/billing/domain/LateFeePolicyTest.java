package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LateFeePolicyTest {

    // 5.00 after 10 grace days, on invoices with at least 10.00 still open.
    private static final LateFeePolicy STANDARD =
            new LateFeePolicy("STANDARD", new BigDecimal("5"), 10, new BigDecimal("10.00"));
    private static final LocalDate DUE = LocalDate.parse("2026-10-22"); // grace ends 2026-11-01

    @ParameterizedTest(name = "as of {0}, {1} open -> {2}")
    @CsvSource({
            "2026-10-22, 80.00, false",  // due today
            "2026-11-01, 80.00, false",  // last grace day (22 + 10)
            "2026-11-02, 80.00, true",   // first day after the grace
            "2026-12-15, 80.00, true",
            "2026-11-02, 10.00, true",   // exactly the minimum
            "2026-11-02, 9.99, false",   // under the minimum
            "2026-11-02, 0.00, false",
            "2026-11-02, -5.00, false"}) // overpaid
    void appliesAfterTheGraceDaysWhenEnoughIsOpen(LocalDate asOf, BigDecimal open, boolean expected) {
        assertThat(STANDARD.applies(DUE, open, asOf)).isEqualTo(expected);
    }

    @Test
    void zeroMinimumStillNeedsSomethingOpen() {
        LateFeePolicy any = new LateFeePolicy("ANY", new BigDecimal("2.50"), 0, BigDecimal.ZERO);

        assertThat(any.applies(DUE, new BigDecimal("0.00"), DUE.plusDays(1))).isFalse();
        assertThat(any.applies(DUE, new BigDecimal("0.01"), DUE.plusDays(1))).isTrue();
    }

    @Test
    void feeLineInEnglish() {
        InvoiceLine line = STANDARD.feeLine("100042-20261001", DUE, Language.EN);

        assertThat(line.type()).isEqualTo(LineType.LATE_FEE);
        assertThat(line.lineKey()).isEqualTo("LATE_FEE:100042-20261001:STANDARD");
        assertThat(line.description()).isEqualTo("Late fee: invoice 100042-20261001 due 2026-10-22");
        assertThat(line.reason()).isEqualTo("Invoice 100042-20261001 was due 2026-10-22 and still open after 10 "
                + "grace days; late fee policy STANDARD charges 5.00");
        assertThat(line.amount()).isEqualTo(new BigDecimal("5.00")); // flat fee 5 -> 5.00
        assertThat(line.quantity()).isEqualTo(BigDecimal.ONE);
        assertThat(line.unit()).isEqualTo("fee");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void feeLineInFrench() {
        InvoiceLine line = STANDARD.feeLine("100042-20261001", DUE, Language.FR);

        assertThat(line.description()).isEqualTo("Frais de retard : facture 100042-20261001 échue le 2026-10-22");
        assertThat(line.reason()).startsWith("Invoice 100042-20261001 was due");
    }

    @Test
    void feeWithFractionsOfACentIsRefused() {
        assertThatThrownBy(() -> new LateFeePolicy("BAD", new BigDecimal("5.005"), 10, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("late fee policy BAD: flat fee must be >= 0 with at most 2 decimals: 5.005");
    }
}
