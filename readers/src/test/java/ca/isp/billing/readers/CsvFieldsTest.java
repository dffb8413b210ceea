package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFieldsTest {

    @Test
    void splitsQuotedBareAndEmptyFields() {
        assertThat(CsvFields.split("\"a\",12,,\"\", \"b, c\" ,x", true)).containsExactly("a", "12", "", "", "b, c", "x");
        assertThat(CsvFields.split("a,", true)).containsExactly("a", "");
        assertThat(CsvFields.split("", true)).containsExactly("");
    }

    @Test
    void rfc4180DoublesAQuoteInsideAValue() {
        assertThat(CsvFields.split("\"\"\"Alice\"\" <1001>\",\"\"", true)).containsExactly("\"Alice\" <1001>", "");
        assertThatThrownBy(() -> CsvFields.split("\"say \"hi\"\",x", true))
                .hasMessage("a quote inside field 1 that is not doubled");
    }

    @Test
    void freeSwitchLeavesAQuoteInsideAValueAsIs() {
        // closed only by a quote that a comma or the end of the line follows
        assertThat(CsvFields.split("\"Bob \"the\" builder\",\"1001\"", false))
                .containsExactly("Bob \"the\" builder", "1001");
        assertThat(CsvFields.split("\"a\"\"b\"", false)).containsExactly("a\"\"b");
    }

    @Test
    void aQuoteNeverClosedIsAnError() {
        assertThatThrownBy(() -> CsvFields.split("\"a\",\"b", true)).hasMessage("a quote opened in field 2 is never closed");
    }
}
