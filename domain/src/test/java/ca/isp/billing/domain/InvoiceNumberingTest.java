package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InvoiceNumberingTest {

    private final InvoiceNumbering numbering = new InvoiceNumbering("F-{year}-", 6);

    @Test
    void theYearOfTheInvoiceDateNamesItsSeries() {
        assertThat(numbering.series(LocalDate.of(2026, 11, 1))).isEqualTo("F-2026-");
        assertThat(numbering.series(LocalDate.of(2027, 1, 1))).isEqualTo("F-2027-");
    }

    @Test
    void numbersArePaddedToTheWidth() {
        assertThat(numbering.format("F-2026-", 123)).isEqualTo("F-2026-000123");
        assertThat(numbering.format("F-2026-", 999_999)).isEqualTo("F-2026-999999");
    }

    @Test
    void aFullSeriesIsAnErrorNotAWiderNumber() {
        assertThatThrownBy(() -> numbering.format("F-2026-", 1_000_000))
                .hasMessageContaining("series F-2026- is full");
    }

    @Test
    void aPrefixWithoutYearIsOneSeriesForever() {
        InvoiceNumbering plain = new InvoiceNumbering("INV", 8);
        assertThat(plain.series(LocalDate.of(2030, 5, 5))).isEqualTo("INV");
        assertThat(plain.format("INV", 42)).isEqualTo("INV00000042");
    }

    @Test
    void aPrefixThatCouldLeaveItsFolderIsRefused() {
        assertThatThrownBy(() -> new InvoiceNumbering("../x", 6)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new InvoiceNumbering("F/", 6)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new InvoiceNumbering("F-", 0)).hasMessageContaining("1 to 12 digits");
    }
}
