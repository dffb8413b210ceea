package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenaltyClassTest {

    private static final LocalDate DUE = LocalDate.parse("2026-10-22");

    // Today's default: 10.00 flat once per invoice after 5 grace days, when at least 5.00 is open.
    private static final PenaltyClass DEFAULT = PenaltyClass.flat("LATE-FLAT", new BigDecimal("10.00"), 5,
            new BigDecimal("5.00"));

    // Commercial: greater of 2% and 15.00, at least 20.00, at most 75.00; recurring and usage only;
    // no fee under 50.00 overdue; 10 grace days; one fee each month the invoice stays overdue.
    private static final PenaltyClass COMMERCIAL = new PenaltyClass("COMMERCIAL", PenaltyMethod.GREATER_OF,
            new BigDecimal("2"), new BigDecimal("15.00"), new BigDecimal("20.00"), new BigDecimal("75.00"), 10,
            new BigDecimal("50.00"), EnumSet.of(LineType.RECURRING, LineType.USAGE), true);

    @ParameterizedTest(name = "as of {0} -> period {1}")
    @CsvSource({
            "2026-10-22, ",    // due today
            "2026-10-27, ",    // last grace day: 22 + 5
            "2026-10-28, 0",   // the clock starts: 22 + 5 + 1
            "2027-01-15, 0"})  // once only: still period 0 months later
    void defaultClassChargesOnceAfterTheGraceDays(LocalDate asOf, Integer period) {
        assertThat(DEFAULT.periodAsOf(DUE, asOf)).isEqualTo(Optional.ofNullable(period));
    }

    @ParameterizedTest(name = "as of {0} -> period {1}")
    @CsvSource({
            "2026-11-01, ",    // last grace day: 22 + 10
            "2026-11-02, 0",   // clock starts 11-02
            "2026-12-01, 0",   // one day short of a month
            "2026-12-02, 1",   // 11-02 + 1 month
            "2027-02-02, 3"})  // 11-02 + 3 months
    void eachPeriodClassChargesOncePerMonthOverdue(LocalDate asOf, Integer period) {
        assertThat(COMMERCIAL.periodAsOf(DUE, asOf)).isEqualTo(Optional.ofNullable(period));
    }

    @ParameterizedTest(name = "{0} open -> {1}")
    @CsvSource({
            "80.00, 10.00",   // 80.00 >= 5.00: flat 10.00
            "5.00, 10.00",    // exactly the minimum overdue
            "4.99, ",         // under the minimum overdue
            "0.00, ",
            "-5.00, "})       // overpaid
    void defaultClassIsTheFlatFeeOnTheWholeOpenAmount(BigDecimal open, BigDecimal fee) {
        // every kind is penalised: the base is the open amount itself
        BigDecimal base = DEFAULT.overdueBase(new BigDecimal("100.00"), open,
                Map.of(LineType.RECURRING, new BigDecimal("80.00"), LineType.TAX, new BigDecimal("20.00")));
        assertThat(DEFAULT.fee(base)).isEqualTo(Optional.ofNullable(fee));
    }

    @ParameterizedTest(name = "base {0} -> fee {1}")
    @CsvSource({
            // 2% of 49.99 -> but 49.99 < 50.00 minimum overdue: no fee
            "49.99, ",
            // 2% of 50.00 = 1.00; greater of 1.00 and 15.00 = 15.00; raised to the minimum 20.00
            "50.00, 20.00",
            // 2% of 1200.00 = 24.00 > 15.00 -> 24.00, within 20.00..75.00
            "1200.00, 24.00",
            // 2% of 1234.56 = 24.6912 -> 24.69
            "1234.56, 24.69",
            // 2% of 3750.00 = 75.00, exactly the maximum
            "3750.00, 75.00",
            // 2% of 5000.00 = 100.00, capped at the maximum 75.00
            "5000.00, 75.00"})
    void greaterOfWithMinimumAndMaximum(BigDecimal base, BigDecimal fee) {
        assertThat(COMMERCIAL.fee(base)).isEqualTo(Optional.ofNullable(fee));
    }

    @Test
    void percentRoundsHalfUpToTheCent() {
        PenaltyClass residential = new PenaltyClass("RES", PenaltyMethod.PERCENT, new BigDecimal("1.5"), null, null,
                null, 0, BigDecimal.ZERO, PenaltyClass.CHARGES, false);
        // 1.5% of 68.99 = 1.03485 -> 1.03
        assertThat(residential.fee(new BigDecimal("68.99"))).contains(new BigDecimal("1.03"));
        // 1.5% of 69.00 = 1.035 -> 1.04 (half up)
        assertThat(residential.fee(new BigDecimal("69.00"))).contains(new BigDecimal("1.04"));
        // 1.5% of 0.33 = 0.00495 -> 0.00: no fee of nothing
        assertThat(residential.fee(new BigDecimal("0.33"))).isEmpty();
    }

    @Test
    void onlyPenalisedItemsCountAndPaymentsSpreadProRata() {
        // Invoice: recurring 100.00 + usage 40.00 + one-time 30.00 + late fee 10.00 + taxes 25.50 = 205.50.
        Map<LineType, BigDecimal> lines = new EnumMap<>(LineType.class);
        lines.put(LineType.RECURRING, new BigDecimal("100.00"));
        lines.put(LineType.USAGE, new BigDecimal("40.00"));
        lines.put(LineType.ONE_TIME, new BigDecimal("30.00"));
        lines.put(LineType.LATE_FEE, new BigDecimal("10.00"));
        lines.put(LineType.TAX, new BigDecimal("25.50"));
        BigDecimal total = new BigDecimal("205.50");

        // Unpaid: the penalised lines are recurring + usage = 140.00.
        assertThat(COMMERCIAL.overdueBase(total, total, lines)).isEqualByComparingTo("140.00");

        // 100.00 paid, 105.50 open: each line is 105.50 / 205.50 unpaid,
        // 140.00 x 105.50 / 205.50 = 14770 / 205.50 = 71.8734... -> 71.87
        BigDecimal base = COMMERCIAL.overdueBase(total, new BigDecimal("105.50"), lines);
        assertThat(base).isEqualByComparingTo("71.87");
        // 2% of 71.87 = 1.4374 -> 1.44; greater of 1.44 and 15.00 = 15.00; raised to 20.00
        assertThat(COMMERCIAL.fee(base)).contains(new BigDecimal("20.00"));

        // 150.00 paid, 55.50 open: 140.00 x 55.50 / 205.50 = 7770 / 205.50 = 37.8102 -> 37.81 < 50.00: no fee,
        // though 55.50 is open (the rest is tax, one-time and the earlier fee)
        BigDecimal small = COMMERCIAL.overdueBase(total, new BigDecimal("55.50"), lines);
        assertThat(small).isEqualByComparingTo("37.81");
        assertThat(COMMERCIAL.fee(small)).isEmpty();
    }

    @Test
    void creditsReduceTheBaseAndTheBaseNeverGoesNegative() {
        // recurring 100.00, credit -30.00, tax 9.10 = 79.10; CHARGES base = 70.00 of 79.10 open
        PenaltyClass charges = new PenaltyClass("C", PenaltyMethod.FLAT, null, new BigDecimal("5.00"), null, null, 0,
                BigDecimal.ZERO, PenaltyClass.CHARGES, false);
        Map<LineType, BigDecimal> lines = Map.of(LineType.RECURRING, new BigDecimal("100.00"),
                LineType.CREDIT, new BigDecimal("-30.00"), LineType.TAX, new BigDecimal("9.10"));
        // 70.00 x 79.10 / 79.10 = 70.00
        assertThat(charges.overdueBase(new BigDecimal("79.10"), new BigDecimal("79.10"), lines))
                .isEqualByComparingTo("70.00");
        // credit -30.00 penalised, tax 40.00 not: -30.00 x 10.00 / 10.00 = -30.00 -> never below 0.00
        Map<LineType, BigDecimal> credits = Map.of(LineType.CREDIT, new BigDecimal("-30.00"),
                LineType.RECURRING, new BigDecimal("40.00"));
        assertThat(charges.overdueBase(new BigDecimal("10.00"), new BigDecimal("10.00"),
                Map.of(LineType.CREDIT, new BigDecimal("-30.00"), LineType.TAX, new BigDecimal("40.00"))))
                .isEqualByComparingTo("0.00");
        // 40.00 - 30.00 = 10.00 x 10.00 / 10.00 = 10.00
        assertThat(charges.overdueBase(new BigDecimal("10.00"), new BigDecimal("10.00"), credits))
                .isEqualByComparingTo("10.00");
    }

    @Test
    void invoiceWithoutLinesIsPenalisedInFull() {
        // an opening balance from the previous system: no lines, 123.45 open -> base 123.45
        assertThat(COMMERCIAL.overdueBase(new BigDecimal("123.45"), new BigDecimal("123.45"), Map.of()))
                .isEqualByComparingTo("123.45");
    }

    @Test
    void feeLineKeepsTheKeyOfTheFirstFeeAndNumbersLaterPeriods() {
        InvoiceLine first = LateFeeLine.of("F-2026-000012", DUE, "LATE-FLAT", 0, new BigDecimal("10.00"), Language.EN);
        assertThat(first.lineKey()).isEqualTo("LATE_FEE:F-2026-000012:LATE-FLAT");
        assertThat(first.description()).isEqualTo("Late fee: invoice F-2026-000012 due 2026-10-22");
        assertThat(first.amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(first.type()).isEqualTo(LineType.LATE_FEE);

        InvoiceLine third = LateFeeLine.of("F-2026-000012", DUE, "COMMERCIAL", 2, new BigDecimal("24.69"), Language.FR);
        assertThat(third.lineKey()).isEqualTo("LATE_FEE:F-2026-000012:COMMERCIAL:2");
        assertThat(third.description()).isEqualTo("Frais de retard : facture F-2026-000012 échue le 2026-10-22");
        assertThat(third.reason()).contains("2 month(s) later").contains("COMMERCIAL charges 24.69");
    }

    @Test
    void implausibleClassesAreRefused() {
        assertThatThrownBy(() -> PenaltyClass.flat("BAD", new BigDecimal("5.005"), 10, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("penalty class BAD: flat fee must be >= 0 with at most 2 decimals: 5.005");
        assertThatThrownBy(() -> new PenaltyClass("P", PenaltyMethod.PERCENT, new BigDecimal("150"), null, null, null,
                0, null, PenaltyClass.CHARGES, false)).hasMessageContaining("percent must be from 0 to 100");
        assertThatThrownBy(() -> new PenaltyClass("P", PenaltyMethod.GREATER_OF, null, new BigDecimal("5"), null,
                null, 0, null, PenaltyClass.CHARGES, false)).hasMessageContaining("needs a percent");
        assertThatThrownBy(() -> new PenaltyClass("P", PenaltyMethod.FLAT, null, new BigDecimal("5"),
                new BigDecimal("20"), new BigDecimal("10"), 0, null, PenaltyClass.CHARGES, false))
                .hasMessageContaining("maximum fee 10.00 is below the minimum fee 20.00");
        assertThatThrownBy(() -> new PenaltyClass("P", PenaltyMethod.FLAT, null, new BigDecimal("5"), null, null, 0,
                null, EnumSet.noneOf(LineType.class), false)).hasMessageContaining("at least one penalised");
    }
}
