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
    void numbersOfTheSeriesInAnyYearAreRecognisedOthersAreNot() {
        assertThat(numbering.couldBeOurs("F-2026-000003")).isTrue();
        assertThat(numbering.couldBeOurs("F-1999-7")).isTrue();
        assertThat(numbering.couldBeOurs("F-26-000003")).isFalse();
        assertThat(numbering.couldBeOurs("OLD-A1")).isFalse();
        assertThat(numbering.couldBeOurs("100001-20260901")).isFalse();
        assertThat(new InvoiceNumbering("INV", 8).couldBeOurs("INV00000042")).isTrue();
        assertThat(new InvoiceNumbering("INV", 8).couldBeOurs("INVOICE-1")).isFalse();
    }

    @Test
    void aNumberLongerThanItsColumnIsRefusedAtStart() {
        // "F-2026-" is 7 characters: 7 + 33 = 40 fits, 7 + 34 cannot (the width is capped at 12 anyway)
        assertThatThrownBy(() -> new InvoiceNumbering("ABCDEFGHIJKLMNOPQRSTUVWXYZ-{year}-", 12))
                .hasMessageContaining("longer than 40 characters");
    }

    @Test
    void aPrefixThatCouldLeaveItsFolderIsRefused() {
        assertThatThrownBy(() -> new InvoiceNumbering("../x", 6)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new InvoiceNumbering("F/", 6)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new InvoiceNumbering("F-", 0)).hasMessageContaining("1 to 12 digits");
    }
}
