package ca.isp.billing.domain.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OWASP's CSV injection advice: a cell a spreadsheet would run as a formula is quoted with a leading '. */
class SpreadsheetCellsTest {

    @Test
    void quotesTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(SpreadsheetCells.text("=HYPERLINK(\"http://evil.example\",\"pay here\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"pay here\")");
        assertThat(SpreadsheetCells.text("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.text("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.text("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(SpreadsheetCells.text("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetCells.text("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void leavesOrdinaryTextNumbersAndPhoneNumbersExact() {
        assertThat(SpreadsheetCells.text("Hélène Côté")).isEqualTo("Hélène Côté");
        assertThat(SpreadsheetCells.text("4520, rue Saint-Denis = app. 3")).isEqualTo("4520, rue Saint-Denis = app. 3");
        assertThat(SpreadsheetCells.text("")).isEmpty();
        assertThat(SpreadsheetCells.text(null)).isNull();
        // a number or an E.164 phone number is a value, not a formula
        assertThat(SpreadsheetCells.text("+15145550199")).isEqualTo("+15145550199");
        assertThat(SpreadsheetCells.text("-4096")).isEqualTo("-4096");
        assertThat(SpreadsheetCells.text("-12.50")).isEqualTo("-12.50");
    }
}
