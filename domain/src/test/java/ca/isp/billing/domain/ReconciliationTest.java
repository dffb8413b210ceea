package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void usageLinesReadHoldWhenEveryLineIsStoredDuplicateOrRejected() {
        // 120 lines read = 115 stored + 1 duplicate + 4 rejected (115 + 1 + 4 = 120)
        ReconciliationEquation e = Reconciliation.usageRead(120, 115, 1, 4);
        assertThat(e.holds()).isTrue();
        assertThat(e.formula()).isEqualTo("usage lines read = stored + duplicates + rejected");
        assertThat(e.figures()).isEqualTo("120 = 115 + 1 + 4");
    }

    @Test
    void aRecordLostAfterIngestBreaksTheUsageEquationByOne() {
        // 120 read, but one stored row deleted: 114 + 1 + 4 = 119, off by 120 - 119 = 1
        ReconciliationEquation e = Reconciliation.usageRead(120, 114, 1, 4);
        assertThat(e.holds()).isFalse();
        assertThat(e.difference()).isEqualByComparingTo("1");
        assertThat(e.toString()).isEqualTo(
                "usage read: usage lines read = stored + duplicates + rejected: 120 = 114 + 1 + 4 (off by 1)");
    }

    @Test
    void storedAndRatedUsage() {
        // 115 stored = 100 rated + 12 unmatched + 3 rating gaps (100 + 12 + 3 = 115)
        assertThat(Reconciliation.usageStored(115, 100, 12, 3).holds()).isTrue();
        // a record left NEW: 115 stored but 99 + 12 + 3 = 114
        assertThat(Reconciliation.usageStored(115, 99, 12, 3).difference()).isEqualByComparingTo("1");
        // 100 rated = 97 billed + 3 left for later (usage after the next bill date)
        assertThat(Reconciliation.usageRated(100, 97, 3).holds()).isTrue();
        // a record marked BILLED whose invoice is gone counts as neither: 96 + 3 = 99
        assertThat(Reconciliation.usageRated(100, 96, 3).holds()).isFalse();
    }

    @Test
    void paymentsReadIncludeSuspense() {
        // 50 lines = 36 applied + 4 credit left + 2 duplicates + 3 rejected + 3 in suspense + 2 reversals
        // (36 + 4 + 2 + 3 + 3 + 2 = 50)
        ReconciliationEquation e = Reconciliation.paymentsRead(50, 36, 4, 2, 3, 3, 2);
        assertThat(e.holds()).isTrue();
        assertThat(e.formula()).isEqualTo("payment lines read = applied + credit left + duplicates + rejected + suspense + reversals");
        // a payment row deleted: 35 + 4 + 2 + 3 + 3 + 2 = 49, off by 1
        assertThat(Reconciliation.paymentsRead(50, 35, 4, 2, 3, 3, 2).difference()).isEqualByComparingTo("1");
    }

    @Test
    void paymentMoneyCountsSuspenseAndReversals() {
        // received 1,250.00, of which 60.00 came back: 1,250.00 - 60.00 = 1,190.00;
        // to accounts 1,100.00 + suspense 150.00 - reversals 60.00 = 1,190.00
        ReconciliationEquation e = Reconciliation.paymentMoney(new BigDecimal("1250.00"), new BigDecimal("60.00"),
                new BigDecimal("1100.00"), new BigDecimal("150.00"), new BigDecimal("60.00"));
        assertThat(e.holds()).isTrue();
        // suspense money lost: 1,100.00 + 0.00 - 60.00 = 1,040.00, off by 150.00
        assertThat(Reconciliation.paymentMoney(new BigDecimal("1250.00"), new BigDecimal("60.00"),
                new BigDecimal("1100.00"), BigDecimal.ZERO, new BigDecimal("60.00")).difference().abs())
                .isEqualByComparingTo("150.00");
    }

    @Test
    void invoicesAreIssuedOrHeldByReason() {
        // 58 invoices = 55 issued + 0 voided + 2 held for QC + 1 held for a postal code (55 + 2 + 1 = 58), reasons in name order
        ReconciliationEquation e = Reconciliation.invoices(58, 55, 0,
                Map.of("no tax rates for CA/QC", 2L, "postal code H2X does not match ON", 1L));
        assertThat(e.holds()).isTrue();
        assertThat(e.formula()).isEqualTo(
                "invoices = issued + voided + held (no tax rates for CA/QC) + held (postal code H2X does not match ON)");
        assertThat(e.value("held (no tax rates for CA/QC)")).isEqualByComparingTo("2");
        // an invoice left TAXED is neither issued nor held: 55 + 2 = 57 of 58
        assertThat(Reconciliation.invoices(58, 55, 0, Map.of("no tax rates for CA/QC", 2L)).holds()).isFalse();
        // nothing held: the figure is still there, 0
        assertThat(Reconciliation.invoices(55, 55, 0, Map.of()).figures()).isEqualTo("55 = 55 + 0 + 0");
        // a voided invoice (review gate, credit note) is still one of the cycle's: 56 = 55 + 1 + 0
        assertThat(Reconciliation.invoices(56, 55, 1, Map.of()).holds()).isTrue();
    }

    @Test
    void deliveries() {
        // 61 = 57 sent + 1 pending + 1 failed + 2 needs attention + 0 voided
        assertThat(Reconciliation.deliveries(61, 57, 1, 1, 2, 0).holds()).isTrue();
        assertThat(Reconciliation.deliveries(61, 57, 1, 1, 1, 0).holds()).isFalse();
        // 62 = 57 + 1 + 1 + 2 + 1 voided (the delivery of an invoice voided before it left)
        assertThat(Reconciliation.deliveries(62, 57, 1, 1, 2, 1).holds()).isTrue();
    }

    @Test
    void ledgerRollsForwardPerCurrency() {
        // opening 1,000.00 + invoices 2,345.67 - payments 1,200.50 - credits 45.17 + reversals 100.00
        //   = 1,000.00 + 2,345.67 = 3,345.67; - 1,200.50 = 2,145.17; - 45.17 = 2,100.00; + 100.00 = 2,200.00
        ReconciliationEquation e = Reconciliation.ledger("CAD", new BigDecimal("1000.00"), new BigDecimal("2345.67"),
                new BigDecimal("1200.50"), new BigDecimal("45.17"), new BigDecimal("100.00"), new BigDecimal("2200.00"));
        assertThat(e.name()).isEqualTo("ledger CAD");
        assertThat(e.holds()).isTrue();
        assertThat(e.formula()).isEqualTo(
                "opening balance + invoices - payments - credits + reversals = closing balance");
        assertThat(e.figures()).isEqualTo("1000.00 + 2345.67 - 1200.50 - 45.17 + 100.00 = 2200.00");
        // a payment of 20.00 gone from the payments table but not from the ledger: closing 2,220.00,
        // 2,200.00 - 2,220.00 = -20.00
        ReconciliationEquation off = Reconciliation.ledger("CAD", new BigDecimal("1000.00"), new BigDecimal("2345.67"),
                new BigDecimal("1200.50"), new BigDecimal("45.17"), new BigDecimal("100.00"), new BigDecimal("2220.00"));
        assertThat(off.difference()).isEqualByComparingTo("-20.00");
    }

    @Test
    void ledgerComparesByValueNotScale() {
        // 10 + 0 - 0 - 0 + 0 = 10.00, whatever the scale each figure came with
        assertThat(Reconciliation.ledger("USD", new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.00")).holds()).isTrue();
    }

    @Test
    void holdReasonsGroupWithoutTheAccount() {
        assertThat(Reconciliation.holdReason("account 1001: no tax rates for CA/QC")).isEqualTo("no tax rates for CA/QC");
        assertThat(Reconciliation.holdReason("review: total 10 times the median")).isEqualTo("review: total 10 times the median");
        assertThat(Reconciliation.holdReason(null)).isEqualTo("no reason given");
    }

    @Test
    void tableNamesWhatBrokeAndCountsIt() {
        Reconciliation r = new Reconciliation(List.of(Reconciliation.usageRead(120, 114, 1, 4),
                Reconciliation.deliveries(2, 2, 0, 0, 0, 0)));
        assertThat(r.holds()).isFalse();
        assertThat(r.broken()).extracting(ReconciliationEquation::name).containsExactly("usage read");
        assertThat(r.table()).contains("DOES NOT HOLD  usage read      usage lines read = stored + duplicates + rejected")
                .contains("120 = 114 + 1 + 4   (off by 1)").contains("1 of 2 equations do not hold");
        assertThat(new Reconciliation(List.of(Reconciliation.deliveries(2, 2, 0, 0, 0, 0))).table())
                .endsWith("every equation holds\n");
        assertThatThrownBy(() -> r.equation("nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
