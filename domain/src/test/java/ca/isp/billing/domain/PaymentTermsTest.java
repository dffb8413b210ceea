package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PaymentTermsTest {

    private static final PaymentTerms TERMS = new PaymentTerms(21, Map.of("commercial", 30));
    private static final LocalDate INVOICE = LocalDate.of(2026, 11, 1);

    @Test
    void dueDateDependsOnTheCustomerType() {
        // residential (not named): net 21 -> 11-01 + 21 = 11-22
        assertThat(TERMS.dueDate(INVOICE, "RESIDENTIAL")).isEqualTo("2026-11-22");
        // commercial, named in any case: net 30 -> 11-01 + 30 = 12-01
        assertThat(TERMS.dueDate(INVOICE, "COMMERCIAL")).isEqualTo("2026-12-01");
        assertThat(TERMS.dueDate(INVOICE, null)).isEqualTo("2026-11-22");
    }

    @Test
    void aReleasedInvoiceIsDueItsTermsAfterItsRelease() {
        // issued 11-01, due 11-22, held for review, released 12-10: 12-10 + 21 = 12-31
        assertThat(TERMS.dueDateOnRelease(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 12, 10), "RESIDENTIAL"))
                .isEqualTo("2026-12-31");
        // commercial: 12-10 + 30 = 2027-01-09
        assertThat(TERMS.dueDateOnRelease(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10), "COMMERCIAL"))
                .isEqualTo("2027-01-09");
        // released the day after issue: 11-02 + 21 = 11-23 is later than 11-22: 11-23
        assertThat(TERMS.dueDateOnRelease(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 2), null))
                .isEqualTo("2026-11-23");
        // released before the invoice date (a cycle billed ahead): the first due date stays
        assertThat(TERMS.dueDateOnRelease(LocalDate.of(2026, 12, 22), LocalDate.of(2026, 11, 20), null))
                .isEqualTo("2026-12-22");
    }

    @Test
    void implausibleTermsAreRefused() {
        assertThatThrownBy(() -> new PaymentTerms(21, Map.of("COMMERCIAL", 900)))
                .hasMessage("payment terms for COMMERCIAL must be 0 to 365 days: 900");
        assertThatThrownBy(() -> PaymentTerms.net(-1)).hasMessageContaining("default");
    }
}
