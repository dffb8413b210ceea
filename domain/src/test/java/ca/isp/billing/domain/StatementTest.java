package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Balance forward, worked by hand: previous - payments + adjustments + new charges = amount due. */
class StatementTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void firstInvoiceCarriesTheOpeningBalanceAndShowsThePaymentsSince() {
        // Two open invoices of the previous system (118.54 each), one payment of 286.05 on Oct 21,
        // and new charges of 118.54.
        Statement s = Statement.of(null, List.of(
                entry(LedgerEntryType.OPENING_BALANCE, "2026-09-01", "100001-20260901", "118.54"),
                entry(LedgerEntryType.OPENING_BALANCE, "2026-10-01", "100001-20261001", "118.54"),
                entry(LedgerEntryType.PAYMENT, "2026-10-21", "PAY-7", "-286.05")), money("118.54"));

        assertThat(s.previousBalance()).isEqualTo(money("237.08"));   // 118.54 + 118.54
        assertThat(s.paymentsReceived()).isEqualTo(money("286.05"));
        assertThat(s.payments()).extracting(LedgerEntry::reference).containsExactly("PAY-7");
        assertThat(s.adjustmentsTotal()).isEqualTo(money("0.00"));
        assertThat(s.newCharges()).isEqualTo(money("118.54"));
        assertThat(s.amountDue()).isEqualTo(money("69.57"));          // 237.08 - 286.05 + 118.54
    }

    @Test
    void laterInvoiceStartsFromTheLastAmountDue() {
        // Last statement asked 355.62; two payments since (100.00 on Nov 5, 55.62 on Nov 20); new charges 118.54.
        Statement s = Statement.of(money("355.62"), List.of(
                entry(LedgerEntryType.PAYMENT, "2026-11-20", "B", "-55.62"),
                entry(LedgerEntryType.PAYMENT, "2026-11-05", "A", "-100.00")), money("118.54"));

        assertThat(s.previousBalance()).isEqualTo(money("355.62"));
        assertThat(s.payments()).extracting(LedgerEntry::reference).containsExactly("A", "B"); // oldest first
        assertThat(s.paymentsReceived()).isEqualTo(money("155.62"));  // 100.00 + 55.62
        assertThat(s.amountDue()).isEqualTo(money("318.54"));         // 355.62 - 155.62 + 118.54
    }

    @Test
    void anOpeningBalanceAfterTheFirstStatementIsAnAdjustment() {
        Statement s = Statement.of(money("50.00"), List.of(
                entry(LedgerEntryType.OPENING_BALANCE, "2026-10-01", "OLD-9", "20.00")), money("10.00"));

        assertThat(s.previousBalance()).isEqualTo(money("50.00"));
        assertThat(s.adjustments()).extracting(LedgerEntry::reference).containsExactly("OLD-9");
        assertThat(s.adjustmentsTotal()).isEqualTo(money("20.00"));
        assertThat(s.amountDue()).isEqualTo(money("80.00"));          // 50.00 - 0.00 + 20.00 + 10.00
    }

    @Test
    void overpaymentLeavesACreditDue() {
        Statement s = Statement.of(money("40.00"), List.of(
                entry(LedgerEntryType.PAYMENT, "2026-10-15", "P", "-100.00")), money("45.20"));

        assertThat(s.amountDue()).isEqualTo(money("-14.80"));         // 40.00 - 100.00 + 45.20: a credit of 14.80
    }

    @Test
    void nothingSinceTheLastStatementCarriesItForward() {
        Statement s = Statement.of(money("12.34"), List.of(), money("0.00"));

        assertThat(s.previousBalance()).isEqualTo(money("12.34"));
        assertThat(s.paymentsReceived()).isEqualTo(money("0.00"));
        assertThat(s.amountDue()).isEqualTo(money("12.34"));
    }

    @Test
    void firstInvoiceOfANewAccountStartsFromZero() {
        Statement s = Statement.of(null, List.of(), money("59.99"));

        assertThat(s.previousBalance()).isEqualTo(money("0.00"));
        assertThat(s.amountDue()).isEqualTo(money("59.99"));
    }

    private static LedgerEntry entry(LedgerEntryType type, String date, String reference, String amount) {
        return new LedgerEntry(type, LocalDate.parse(date), reference, money(amount));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
