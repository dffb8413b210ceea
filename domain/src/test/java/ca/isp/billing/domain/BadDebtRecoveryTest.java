package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-worked bad-debt recoveries: oldest written-off amount first, the rest a credit. */
class BadDebtRecoveryTest {

    // written off: A1 120.00 (due Jun 1), A2 50.00 (due Aug 1), and A1 again 10.00 (its second write-off)
    private static final List<BadDebtRecovery.WrittenOff> WRITTEN_OFF = List.of(
            new BadDebtRecovery.WrittenOff(2, 12, "A2", LocalDate.of(2026, 8, 1), 1, new BigDecimal("50.00")),
            new BadDebtRecovery.WrittenOff(3, 11, "A1", LocalDate.of(2026, 6, 1), 2, new BigDecimal("10.00")),
            new BadDebtRecovery.WrittenOff(1, 11, "A1", LocalDate.of(2026, 6, 1), 1, new BigDecimal("120.00")));

    @Test
    void aPaymentRecoversTheOldestWrittenOffAmountFirst() {
        // 150.00: A1's first write-off 120.00, then A1's second 10.00 (same invoice, later), then A2 150 - 130 = 20.00
        BadDebtRecovery.Result r = BadDebtRecovery.recover(new BigDecimal("150.00"), WRITTEN_OFF);
        assertThat(r.recovered()).extracting(BadDebtRecovery.Recovered::writeOffId, BadDebtRecovery.Recovered::amount)
                .containsExactly(tuple(1L, new BigDecimal("120.00")), tuple(3L, new BigDecimal("10.00")),
                        tuple(2L, new BigDecimal("20.00")));
        assertThat(r.total()).isEqualByComparingTo("150.00");
        assertThat(r.left()).isEqualByComparingTo("0.00");
        // what is still written off: A2 50.00 - 20.00 = 30.00
        assertThat(BadDebtRecovery.remaining(WRITTEN_OFF, r)).extracting(BadDebtRecovery.WrittenOff::writeOffId,
                BadDebtRecovery.WrittenOff::outstanding).containsExactly(tuple(2L, new BigDecimal("30.00")));
    }

    @Test
    void moreThanWasWrittenOffLeavesTheRestAsCredit() {
        // 200.00 - (120.00 + 10.00 + 50.00 = 180.00) = 20.00 credit
        BadDebtRecovery.Result r = BadDebtRecovery.recover(new BigDecimal("200.00"), WRITTEN_OFF);
        assertThat(r.total()).isEqualByComparingTo("180.00");
        assertThat(r.left()).isEqualByComparingTo("20.00");
        assertThat(BadDebtRecovery.remaining(WRITTEN_OFF, r)).isEmpty();
    }

    @Test
    void nothingWrittenOffRecoversNothing() {
        BadDebtRecovery.Result r = BadDebtRecovery.recover(new BigDecimal("35.00"), List.of());
        assertThat(r.recovered()).isEmpty();
        assertThat(r.left()).isEqualByComparingTo("35.00");
    }
}
