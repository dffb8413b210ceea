package ca.isp.billing.readers;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowTest {

    /** A one-column row holding value, at line 5. */
    private static Row row(String value) {
        return new Row(5, Map.of("v", 0), new String[] {value});
    }

    private static void assertFieldError(Runnable getter, String field, String reason) {
        assertThatThrownBy(getter::run)
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    private static void assertFieldError(Runnable getter, String reason) {
        assertThatThrownBy(getter::run)
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("v");
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void requiredAndOptional() {
        assertThat(row(" x ").required("v")).isEqualTo("x");
        assertThat(row(" x ").required("V")).isEqualTo("x");
        assertThat(row("").optional("v")).isNull();
        assertThat(row("x").optional("not_in_file")).isNull();
        assertThat(row("x").line()).isEqualTo(5);
        assertFieldError(() -> row(" ").required("v"), "required but empty");
    }

    @Test
    void textLongerThanItsColumnIsRefused() {
        Row row = new Row(5, Map.of("v", 0), new String[] {" abcdef "}, Map.of("v", 6));
        Row longer = new Row(5, Map.of("v", 0), new String[] {"abcdefg"}, Map.of("v", 6));

        // trimmed first: 6 characters fit a column of 6
        assertThat(row.required("v")).isEqualTo("abcdef");
        assertFieldError(() -> longer.optional("v"), "v", "longer than 6 characters: 'abcdefg'");
        // a long value is quoted by its start and its length, never whole
        Row huge = new Row(5, Map.of("v", 0), new String[] {"x".repeat(70_000)}, Map.of("v", 200));
        assertFieldError(() -> huge.required("v"), "v", "longer than 200 characters: '" + "x".repeat(40) + "…' (70000 characters)");
    }

    @Test
    void controlCharactersAreRefusedInAnyField() {
        assertFieldError(() -> row("a\u0000b").required("v"), "contains a control character (U+0000)");
        assertFieldError(() -> row("Jean\tTremblay").optional("v"), "contains a control character (U+0009)");
        assertFieldError(() -> row("line 1\nline 2").optional("v"), "contains a control character (U+000A)");
        assertFieldError(() -> row("del\u007F").optional("v"), "contains a control character (U+007F)");
        // accents, typographic signs and spaces are text
        assertThat(row("Hélène – Côté «Québec»").required("v")).isEqualTo("Hélène – Côté «Québec»");
    }

    @Test
    void money() {
        // 49.9 is exactly 49.90: widened to scale 2, nothing rounded
        assertThat(row("49.9").money("v")).isEqualTo(new BigDecimal("49.90"));
        // 12 -> 12.00; 1.500 has a trailing zero only, so it is 1.50 exactly
        assertThat(row("12").money("v")).isEqualTo(new BigDecimal("12.00"));
        assertThat(row("1.500").money("v")).isEqualTo(new BigDecimal("1.50"));
        assertThat(row("").optionalMoney("v")).isNull();
        // 1.005 would have to be rounded to 1.01: refused instead of guessing
        assertFieldError(() -> row("1.005").money("v"), "more than 2 decimals: '1.005'");
        assertFieldError(() -> row("1,50").money("v"), "not an amount (like 49.99): '1,50'");
        assertFieldError(() -> row("$5").money("v"), "not an amount (like 49.99): '$5'");
        assertFieldError(() -> row("1e3").optionalMoney("v"), "not an amount (like 49.99): '1e3'");
    }

    @Test
    void decimals() {
        assertThat(row("0.09975").decimal("v")).isEqualTo(new BigDecimal("0.09975"));
        assertThat(row("0.012500").decimal("v", 4)).isEqualTo(new BigDecimal("0.012500"));
        assertThat(row("").optionalDecimal("v", 4)).isNull();
        assertFieldError(() -> row("0.01255").decimal("v", 4), "more than 4 decimals: '0.01255'");
        assertFieldError(() -> row("abc").optionalDecimal("v"), "not a decimal number (like 0.5): 'abc'");
    }

    @Test
    void wholeNumbers() {
        assertThat(row("0").wholeNumber("v")).isZero();
        assertThat(row("9000000000").wholeNumber("v")).isEqualTo(9_000_000_000L);
        assertFieldError(() -> row("1.5").wholeNumber("v"), "not a whole number: '1.5'");
        assertFieldError(() -> row("-1").wholeNumber("v"), "must not be negative: '-1'");
        assertFieldError(() -> row("99999999999999999999").wholeNumber("v"), "too large: '99999999999999999999'");
        assertThat(row("12").positiveInt("v")).isEqualTo(12);
        assertFieldError(() -> row("0").positiveInt("v"), "must be at least 1: '0'");
        assertFieldError(() -> row("one").positiveInt("v"), "not a whole number: 'one'");
    }

    @Test
    void datesAndTimestamps() {
        assertThat(row("2026-02-28").date("v")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(row("").optionalDate("v")).isNull();
        assertFieldError(() -> row("2026-02-29").date("v"), "not a date (YYYY-MM-DD): '2026-02-29'");
        assertFieldError(() -> row("28/02/2026").optionalDate("v"), "not a date (YYYY-MM-DD): '28/02/2026'");
        assertThat(row("2026-11-03T23:59:59").timestamp("v")).isEqualTo(LocalDateTime.of(2026, 11, 3, 23, 59, 59));
        assertFieldError(() -> row("2026-11-03 23:59:59").timestamp("v"),
                "not a timestamp (YYYY-MM-DDTHH:MM:SS): '2026-11-03 23:59:59'");
    }

    @Test
    void choices() {
        assertThat(row("fr").oneOf("v", Language.class)).isEqualTo(Language.FR);
        assertThat(row("Both").oneOf("v", DeliveryPreference.class)).isEqualTo(DeliveryPreference.BOTH);
        assertFieldError(() -> row("FAX").oneOf("v", DeliveryPreference.class), "not one of MAIL, EMAIL, BOTH: 'FAX'");
        assertThat(row("voip").oneOf("v", "INTERNET", "VOIP")).isEqualTo("VOIP");
        assertFieldError(() -> row("TV").oneOf("v", "INTERNET", "VOIP"), "not one of INTERNET, VOIP: 'TV'");
        assertThat(row("ca").countryCode("v")).isEqualTo("CA");
        assertFieldError(() -> row("CAN").countryCode("v"), "not a 2-letter country code: 'CAN'");
    }
}
