package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JournalTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    private static JournalLine invoice(String number, String lineRef, String gl, JournalCategory category,
                                       String currency, String amount) {
        return new JournalLine(DAY, JournalLine.INVOICE, number, lineRef, "100001", gl, category, null, null, null,
                currency, new BigDecimal(amount));
    }

    @Test
    void anInvoiceWithACreditBalancesAndEachLineHasOneSide() {
        // 40.00 plan + 5.20 HST - 10.00 credit = 35.20 receivable:
        // debits 35.20 + 10.00 = 45.20 = credits 40.00 + 5.20
        Journal journal = Journal.balanced(List.of(
                invoice("F-1", "RECEIVABLE", "1200", JournalCategory.RECEIVABLE, "CAD", "35.20"),
                invoice("F-1", "RECURRING:S1", "4010", JournalCategory.REVENUE, "CAD", "-40.00"),
                invoice("F-1", "TAX:HST", "2330", JournalCategory.TAX_PAYABLE, "CAD", "-5.20"),
                invoice("F-1", "ONE_TIME:C1", "4900", JournalCategory.CREDIT, "CAD", "10.00")));

        assertThat(journal.debits()).containsEntry("CAD", new BigDecimal("45.20"));
        assertThat(journal.credits()).containsEntry("CAD", new BigDecimal("45.20"));
        assertThat(journal.lines().get(3).debit()).isEqualByComparingTo("10.00");
        assertThat(journal.lines().get(3).credit()).isEqualByComparingTo("0.00");
        assertThat(journal.netByAccount()).containsEntry("CAD 4010", new BigDecimal("-40.00"));
    }

    @Test
    void anEntryOffByACentIsRefusedWithItsName() {
        // 45.21 receivable against 40.00 + 5.20 = 45.20: 0.01 too much on the debit side
        assertThatThrownBy(() -> Journal.balanced(List.of(
                invoice("F-1", "RECEIVABLE", "1200", JournalCategory.RECEIVABLE, "CAD", "45.20"),
                invoice("F-1", "RECURRING:S1", "4010", JournalCategory.REVENUE, "CAD", "-40.00"),
                invoice("F-1", "TAX:HST", "2330", JournalCategory.TAX_PAYABLE, "CAD", "-5.20"),
                invoice("F-2", "RECEIVABLE", "1200", JournalCategory.RECEIVABLE, "CAD", "45.21"),
                invoice("F-2", "RECURRING:S2", "4010", JournalCategory.REVENUE, "CAD", "-40.00"),
                invoice("F-2", "TAX:HST", "2330", JournalCategory.TAX_PAYABLE, "CAD", "-5.20"))))
                .isInstanceOf(Journal.UnbalancedJournalException.class)
                .hasMessage("the journal does not balance, 1 entries: INVOICE F-2 CAD (debits - credits = 0.01)");
    }

    @Test
    void currenciesBalanceApartNeverAgainstEachOther() {
        // 10.00 CAD debit against 10.00 USD credit in one entry: two entries that do not balance
        assertThatThrownBy(() -> Journal.balanced(List.of(
                invoice("F-1", "RECEIVABLE", "1200", JournalCategory.RECEIVABLE, "CAD", "10.00"),
                invoice("F-1", "RECURRING:S1", "4010", JournalCategory.REVENUE, "USD", "-10.00"))))
                .isInstanceOf(Journal.UnbalancedJournalException.class)
                .hasMessageContaining("INVOICE F-1 CAD (debits - credits = 10.00)")
                .hasMessageContaining("INVOICE F-1 USD (debits - credits = -10.00)");
    }

    @Test
    void aLineIsInCentsAndNamesItsAccount() {
        assertThatThrownBy(() -> invoice("F-1", "RECEIVABLE", "1200", JournalCategory.RECEIVABLE, "CAD", "10.005"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice("F-1", "RECEIVABLE", "", JournalCategory.RECEIVABLE, "CAD", "10.00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no GL account");
    }
}
