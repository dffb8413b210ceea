package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class DepositSlipTest {

    private static DepositSlip.Item item(String ref, String method, String cheque, String amount) {
        return new DepositSlip.Item(ref, method, cheque, new BigDecimal(amount));
    }

    @Test
    void totalsPerMethodAndListsTheChequesByNumber() {
        DepositSlip slip = new DepositSlip("DEP-1", List.of(
                item("R-3", "CHEQUE", "1003", "100.10"),
                item("R-1", "check", "1001", "20.00"),
                item("R-2", "CASH", null, "5.25"),
                item("R-4", "BANK", null, "7.00"),
                item("R-5", "PAD", null, "33.33"),
                item("R-6", "CHQ", null, "1.00")));

        // 100.10 + 20.00 + 5.25 + 7.00 + 33.33 + 1.00 = 166.68
        assertThat(slip.count()).isEqualTo(6);
        assertThat(slip.total()).isEqualByComparingTo("166.68");
        assertThat(slip.byMethod()).extracting(DepositSlip.MethodTotal::method, DepositSlip.MethodTotal::count,
                        DepositSlip.MethodTotal::total)
                .containsExactly(
                        // cheques 100.10 + 20.00 + 1.00 = 121.10 ("check" and "CHQ" are cheques)
                        tuple("CHEQUE", 3, new BigDecimal("121.10")),
                        tuple("CASH", 1, new BigDecimal("5.25")),
                        tuple("PAD", 1, new BigDecimal("33.33")),
                        // BANK names no method: other
                        tuple("OTHER", 1, new BigDecimal("7.00")));
        // by number; a cheque without one is listed by its reference (R-6 sorts after the digits)
        assertThat(slip.cheques()).extracting(DepositSlip.Cheque::chequeNumber, DepositSlip.Cheque::amount)
                .containsExactly(tuple("1001", new BigDecimal("20.00")), tuple("1003", new BigDecimal("100.10")),
                        tuple("R-6", new BigDecimal("1.00")));
    }

    @Test
    void methodsAreReadInTheirUsualSpellings() {
        assertThat(PaymentMethod.of("Pre-authorized debit")).isEqualTo(PaymentMethod.PAD);
        assertThat(PaymentMethod.of("wire transfer")).isEqualTo(PaymentMethod.WIRE);
        assertThat(PaymentMethod.of("Interac e-Transfer")).isNull();
        assertThat(ReversalReason.defaultFor("CARD")).isEqualTo(ReversalReason.CHARGEBACK);
        assertThat(ReversalReason.defaultFor("CHEQUE")).isEqualTo(ReversalReason.NSF);
        assertThat(ReversalReason.NSF.chargesFee()).isTrue();
        assertThat(ReversalReason.CHARGEBACK.chargesFee()).isFalse();
    }
}
