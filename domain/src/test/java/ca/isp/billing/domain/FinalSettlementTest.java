package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.FinalSettlement.Choice;
import ca.isp.billing.domain.FinalSettlement.Credit;
import ca.isp.billing.domain.FinalSettlement.CreditSource;
import ca.isp.billing.domain.FinalSettlement.Outcome;

/** Hand-worked settlements of closed accounts: credits pay what is owed first, the rest refunded or carried. */
class FinalSettlementTest {

    private static final LocalDate OCT = LocalDate.of(2026, 10, 2);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 15);

    @Test
    void aFinalBillCreditPaysTheOldInvoiceThenTheRestIsRefunded() {
        // final bill F-9 owes back 88.20 (total -88.20); old invoice F-1 has 30.00 open;
        // a payment left 10.00 of credit on 10-02 (older: used first).
        // 10.00 -> F-1 (30.00 - 10.00 = 20.00 open); 88.20 -> F-1 20.00, 68.20 left refunded
        Outcome out = FinalSettlement.settle(List.of(
                        new Credit(CreditSource.INVOICE, 9, NOV, new BigDecimal("88.20")),
                        new Credit(CreditSource.PAYMENT, 5, OCT, new BigDecimal("10.00"))),
                List.of(new OpenInvoice(1, "F-1", LocalDate.of(2026, 10, 22), new BigDecimal("30.00"))), Choice.REFUND);
        assertThat(out.uses()).extracting(u -> u.credit().id(), FinalSettlement.Use::invoiceId, u -> u.amount().toPlainString())
                .containsExactly(tuple(5L, 1L, "10.00"), tuple(9L, 1L, "20.00"));
        assertThat(out.payouts()).extracting(p -> p.credit().id(), p -> p.amount().toPlainString())
                .containsExactly(tuple(9L, "68.20"));
        assertThat(out.refund()).isEqualByComparingTo("68.20"); // 88.20 + 10.00 - 30.00
        assertThat(out.carried()).isEqualByComparingTo("0.00");
        assertThat(out.stillOwed()).isEqualByComparingTo("0.00");
    }

    @Test
    void carriedCreditStaysOnTheAccount() {
        // same, CARRY: 68.20 carried, no payout
        Outcome out = FinalSettlement.settle(List.of(
                        new Credit(CreditSource.INVOICE, 9, NOV, new BigDecimal("88.20")),
                        new Credit(CreditSource.PAYMENT, 5, OCT, new BigDecimal("10.00"))),
                List.of(new OpenInvoice(1, "F-1", LocalDate.of(2026, 10, 22), new BigDecimal("30.00"))), Choice.CARRY);
        assertThat(out.payouts()).isEmpty();
        assertThat(out.refund()).isEqualByComparingTo("0.00");
        assertThat(out.carried()).isEqualByComparingTo("68.20");
        assertThat(out.uses()).hasSize(2);
    }

    @Test
    void anAccountThatStillOwesGetsNoRefund() {
        // credit 10.00 against 30.00 + 15.00 open, oldest due first: F-1 10.00; 35.00 still owed
        Outcome out = FinalSettlement.settle(List.of(new Credit(CreditSource.PAYMENT, 5, OCT, new BigDecimal("10.00"))),
                List.of(new OpenInvoice(2, "F-2", LocalDate.of(2026, 11, 22), new BigDecimal("15.00")),
                        new OpenInvoice(1, "F-1", LocalDate.of(2026, 10, 22), new BigDecimal("30.00"))), Choice.REFUND);
        assertThat(out.uses()).extracting(FinalSettlement.Use::invoiceId).containsExactly(1L);
        assertThat(out.refund()).isEqualByComparingTo("0.00");
        assertThat(out.stillOwed()).isEqualByComparingTo("35.00"); // 30.00 - 10.00 + 15.00
    }
}
