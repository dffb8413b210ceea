package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.PaymentReversal.Outcome;
import ca.isp.billing.domain.PaymentReversal.Paid;
import ca.isp.billing.domain.PaymentReversal.Reopened;

/** Hand-worked partial reversals: credit first, then the newest invoice the payment paid. */
class PaymentReversalTest {

    // A payment of 150.00 paid F-1 (Sept, 60.00) and F-2 (Oct, 70.00) and left 20.00 of credit.
    private static final List<Paid> PAID = List.of(
            new Paid(1, "F-2026-000001", LocalDate.of(2026, 9, 1), new BigDecimal("60.00")),
            new Paid(2, "F-2026-000002", LocalDate.of(2026, 10, 1), new BigDecimal("70.00")));

    @Test
    void aSmallReversalTakesTheCreditOnly() {
        // 15.00 <= 20.00 credit: 15.00 of credit, no invoice reopened
        Outcome out = PaymentReversal.takeBack(new BigDecimal("15.00"), new BigDecimal("20.00"), PAID);
        assertThat(out.creditTaken()).isEqualByComparingTo("15.00");
        assertThat(out.reopened()).isEmpty();
    }

    @Test
    void thenTheNewestInvoiceFirst() {
        // 100.00 = 20.00 credit + 70.00 F-2 (newest, whole) + 10.00 F-1 (60.00 - 10.00 = 50.00 stays paid)
        Outcome out = PaymentReversal.takeBack(new BigDecimal("100.00"), new BigDecimal("20.00"), PAID);
        assertThat(out.creditTaken()).isEqualByComparingTo("20.00");
        assertThat(out.reopened()).containsExactly(new Reopened(2, new BigDecimal("70.00")),
                new Reopened(1, new BigDecimal("10.00")));
    }

    @Test
    void theWholePaymentReopensEverything() {
        // 150.00 = 20.00 + 70.00 + 60.00
        Outcome out = PaymentReversal.takeBack(new BigDecimal("150.00"), new BigDecimal("20.00"), PAID);
        assertThat(out.creditTaken()).isEqualByComparingTo("20.00");
        assertThat(out.reopened()).containsExactly(new Reopened(2, new BigDecimal("70.00")),
                new Reopened(1, new BigDecimal("60.00")));
    }

    @Test
    void twoPartialReversalsAddUpToThePaymentAtMost() {
        // first 100.00 of 150.00: allowed, 50.00 left
        assertThat(PaymentReversal.refusal(new BigDecimal("150.00"), BigDecimal.ZERO, new BigDecimal("100.00"))).isNull();
        // second 50.00 with 100.00 reversed: 150.00 - 100.00 = 50.00 left, allowed
        assertThat(PaymentReversal.refusal(new BigDecimal("150.00"), new BigDecimal("100.00"), new BigDecimal("50.00")))
                .isNull();
        // 50.01 is one cent too many
        assertThat(PaymentReversal.refusal(new BigDecimal("150.00"), new BigDecimal("100.00"), new BigDecimal("50.01")))
                .isEqualTo("payment was 150.00, 100.00 reversed already: at most 50.00 is left to reverse, not 50.01");
        assertThat(PaymentReversal.refusal(new BigDecimal("150.00"), BigDecimal.ZERO, new BigDecimal("150.01")))
                .isEqualTo("payment was 150.00: at most 150.00 is left to reverse, not 150.01");
        // after the first 100.00 (credit 20 + F-2 70 + F-1 10), F-1 still has 50.00 paid, no credit left:
        // the second 50.00 reopens F-1 for 50.00
        Outcome second = PaymentReversal.takeBack(new BigDecimal("50.00"), BigDecimal.ZERO,
                List.of(new Paid(1, "F-2026-000001", LocalDate.of(2026, 9, 1), new BigDecimal("50.00"))));
        assertThat(second.reopened()).containsExactly(new Reopened(1, new BigDecimal("50.00")));
    }

    @Test
    void allocationsThatDoNotCoverTheAmountAreAnError() {
        assertThatThrownBy(() -> PaymentReversal.takeBack(new BigDecimal("200.00"), BigDecimal.ZERO, PAID))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void moneyThatLeftTheAccountIsBeyondAReversalsReach() {
        // The payment of 150.00 had its 20.00 credit refunded at closing: it holds 0.00 + 60.00 +
        // 70.00 = 130.00 now. A chargeback of the whole 150.00 is refused (not taken from nowhere);
        // 130.00 or less can still be taken.
        assertThat(PaymentReversal.beyondReach(new BigDecimal("150.00"), BigDecimal.ZERO, PAID))
                .contains("holds only 130.00").contains("150.00");
        assertThat(PaymentReversal.beyondReach(new BigDecimal("130.00"), BigDecimal.ZERO, PAID)).isNull();
        // with its 20.00 credit still there it holds 150.00: the whole payment can come back
        assertThat(PaymentReversal.beyondReach(new BigDecimal("150.00"), new BigDecimal("20.00"), PAID)).isNull();
    }
}
