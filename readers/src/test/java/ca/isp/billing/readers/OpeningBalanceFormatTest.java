package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OpeningBalanceFormatTest {

    private static final TestRecord GOOD = TestRecord.of(
            "account_number", "100042",
            "invoice_number", "OLD-2026-0917",
            "invoice_date", "2026-09-01",
            "due_date", "2026-09-30",
            "amount", "120.5");

    @TempDir
    Path dir;

    @Test
    void readsAnOpenInvoice() throws IOException {
        // 120.5 owed is 120.50 exactly
        assertThat(ok(readOne(dir, OpeningBalanceFormat.INSTANCE, GOOD))).isEqualTo(new OpeningBalanceRow(
                "100042", "OLD-2026-0917", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
                new BigDecimal("120.50")));
    }

    @Test
    void dueOnTheInvoiceDateIsValid() throws IOException {
        OpeningBalanceRow row = ok(readOne(dir, OpeningBalanceFormat.INSTANCE, GOOD.with("due_date", "2026-09-01")));

        assertThat(row.dueDate()).isEqualTo(row.invoiceDate());
    }

    @Test
    void datesOutsideTheWindowAreRejected() throws IOException {
        OpeningBalanceFormat format = OpeningBalanceFormat.within(
                new DateWindow(LocalDate.of(2021, 11, 20), LocalDate.of(2027, 2, 20)));

        assertThat(ok(readOne(dir, format, GOOD))).isNotNull();
        assertRejected(readOne(dir, format, GOOD.with("invoice_date", "1900-01-01")), "invoice_date",
                "outside the plausible window 2021-11-20..2027-02-20: '1900-01-01'");
        assertRejected(readOne(dir, format, GOOD.with("due_date", "2099-10-21")), "due_date",
                "outside the plausible window 2021-11-20..2027-02-20: '2099-10-21'");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("account_number", "", "required but empty"),
                arguments("invoice_number", "", "required but empty"),
                arguments("invoice_date", "01/09/2026", "not a date (YYYY-MM-DD): '01/09/2026'"),
                arguments("due_date", "2026-08-31", "before invoice_date 2026-09-01: '2026-08-31'"),
                arguments("amount", "0", "must be greater than 0: '0'"),
                arguments("amount", "0.00", "must be greater than 0: '0.00'"),
                arguments("amount", "-120.50", "must be greater than 0: '-120.50'"),
                arguments("amount", "120.505", "more than 2 decimals: '120.505'"),
                arguments("amount", "99999999999999.99", "above the plausible maximum 1000000.00: '99999999999999.99'"),
                arguments("invoice_number", "../../OLD", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../../OLD'"),
                arguments("invoice_number", "I".repeat(41), "longer than 40 characters: '" + "I".repeat(40) + "…' (41 characters)"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, OpeningBalanceFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }
}
