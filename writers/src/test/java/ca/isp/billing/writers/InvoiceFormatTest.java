package ca.isp.billing.writers;

import ca.isp.billing.domain.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceFormatTest {

    private final InvoiceFormat en = new InvoiceFormat(Language.EN);
    private final InvoiceFormat fr = new InvoiceFormat(Language.FR);

    @Test
    void moneyFollowsEachLanguage() {
        assertThat(en.money(new BigDecimal("1234.56"), "CAD")).isEqualTo("$1,234.56");
        assertThat(fr.money(new BigDecimal("1234.56"), "CAD")).isEqualTo("1\u00A0234,56\u00A0$");
        assertThat(en.money(new BigDecimal("1234567.00"), "CAD")).isEqualTo("$1,234,567.00");
        assertThat(fr.money(new BigDecimal("0.5"), "CAD")).isEqualTo("0,50\u00A0$");
        assertThat(en.money(new BigDecimal("-15.00"), "CAD")).isEqualTo("-$15.00");
        assertThat(fr.money(new BigDecimal("-15.00"), "CAD")).isEqualTo("-15,00\u00A0$");
    }

    @Test
    void usDollarsAreMarked() {
        assertThat(en.money(new BigDecimal("1234.56"), "USD")).isEqualTo("US$1,234.56");
        assertThat(fr.money(new BigDecimal("1234.56"), "USD")).isEqualTo("1\u00A0234,56\u00A0$\u00A0US");
    }

    @Test
    void datesAreWrittenInWords() {
        assertThat(en.date(LocalDate.of(2026, 11, 1))).isEqualTo("November 1, 2026");
        assertThat(fr.date(LocalDate.of(2026, 11, 1))).isEqualTo("1er novembre 2026");
        assertThat(fr.date(LocalDate.of(2026, 2, 21))).isEqualTo("21 février 2026");
        assertThat(fr.date(null)).isEmpty();
    }

    @Test
    void periodsAreCompactAndSayTheYearOnceWhenTheyCan() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        assertThat(en.period(first, LocalDate.of(2026, 11, 30))).isEqualTo("Nov. 1 – Nov. 30, 2026");
        assertThat(fr.period(first, LocalDate.of(2026, 11, 30))).isEqualTo("1er nov. – 30 nov. 2026");
        assertThat(en.period(first, LocalDate.of(2027, 10, 31))).isEqualTo("Nov. 1, 2026 – Oct. 31, 2027");
        assertThat(fr.period(first, first)).isEqualTo("1er nov. 2026");
        assertThat(fr.servicePeriod(first, LocalDate.of(2026, 11, 30)))
                .isEqualTo("du 1er novembre 2026 au 30 novembre 2026");
        assertThat(en.servicePeriod(first, LocalDate.of(2026, 11, 30)))
                .isEqualTo("November 1, 2026 to November 30, 2026");
        assertThat(en.period(null, null)).isEmpty();
    }

    @Test
    void quantitiesDropUselessZeros() {
        assertThat(en.quantity(new BigDecimal("12.500"), "GB")).isEqualTo("12.5\u00A0GB");
        assertThat(fr.quantity(new BigDecimal("12.500"), "Go")).isEqualTo("12,5\u00A0Go");
        assertThat(en.quantity(new BigDecimal("1.00"), null)).isEqualTo("1");
        assertThat(fr.quantity(new BigDecimal("1500"), "min")).isEqualTo("1\u00A0500\u00A0min");
        assertThat(en.quantity(null, "min")).isEmpty();
        // lines carry English units; each language gets its own word and plural
        assertThat(fr.quantity(new BigDecimal("53.264"), "GB")).isEqualTo("53,264\u00A0Go");
        assertThat(fr.quantity(new BigDecimal("1"), "month")).isEqualTo("1\u00A0mois");
        assertThat(en.quantity(new BigDecimal("3"), "month")).isEqualTo("3\u00A0months");
        assertThat(en.quantity(new BigDecimal("1.0000"), "month")).isEqualTo("1\u00A0month");
        assertThat(en.quantity(new BigDecimal("0.4333"), "month")).isEqualTo("0.4333\u00A0month");
        assertThat(fr.quantity(new BigDecimal("1"), "fee")).isEqualTo("1\u00A0frais");
    }
}
