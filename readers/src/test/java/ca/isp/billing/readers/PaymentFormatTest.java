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

class PaymentFormatTest {

    private static final TestRecord GOOD = TestRecord.of(
            "payment_ref", "DESJ-20261103-0042",
            "account_number", "100042",
            "received_on", "2026-11-03",
            "amount", "57.37",
            "method", "BANK");

    @TempDir
    Path dir;

    @Test
    void readsAPayment() throws IOException {
        assertThat(ok(readOne(dir, PaymentFormat.INSTANCE, GOOD))).isEqualTo(new PaymentRow(
                "DESJ-20261103-0042", "100042", LocalDate.of(2026, 11, 3), new BigDecimal("57.37"), "BANK"));
    }

    @Test
    void methodIsOptionalFreeText() throws IOException {
        assertThat(ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("method", ""))).method()).isNull();
        assertThat(ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("method", "Interac e-Transfer"))).method())
                .isEqualTo("Interac e-Transfer");
        assertThat(ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.without("method"))).method()).isNull();
    }

    @Test
    void wholeDollarsBecomeCents() throws IOException {
        // 100 -> 100.00 (scale 2, nothing rounded)
        assertThat(ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("amount", "100"))).amount())
                .isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void aPaymentReceivedOutsideTheWindowIsRejected() throws IOException {
        PaymentFormat format = PaymentFormat.within(new DateWindow(LocalDate.of(2025, 11, 20), LocalDate.of(2026, 11, 27)));

        assertThat(ok(readOne(dir, format, GOOD.with("amount", "1000000.00"))).amount()).isEqualByComparingTo("1000000.00");
        assertRejected(readOne(dir, format, GOOD.with("received_on", "2099-01-01")), "received_on",
                "outside the plausible window 2025-11-20..2026-11-27: '2099-01-01'");
        assertRejected(readOne(dir, format, GOOD.with("received_on", "1900-01-01")), "received_on",
                "outside the plausible window 2025-11-20..2026-11-27: '1900-01-01'");
    }

    @Test
    void readsABatchLineNamingAnInvoiceInsteadOfAnAccount() throws IOException {
        PaymentRow row = ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("account_number", "")
                .plus("invoice_number", "F-2026-000042").with("method", "CHEQUE").plus("deposit_batch", "DEP-1103")
                .plus("cheque_number", "1042")));
        assertThat(row).isEqualTo(new PaymentRow("DESJ-20261103-0042", null, LocalDate.of(2026, 11, 3),
                new BigDecimal("57.37"), "CHEQUE", "F-2026-000042", "DEP-1103", "1042", null, null));
    }

    @Test
    void readsAReversalAsANegativeLineNamingThePayment() throws IOException {
        PaymentRow row = ok(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("payment_ref", "RET-1").with("amount", "-57.37")
                .plus("reverses", "DESJ-20261103-0042").plus("reversal_reason", "nsf")));
        assertThat(row.isReversal()).isTrue();
        assertThat(row.amount()).isEqualByComparingTo("-57.37");
        assertThat(row.reversalReason()).isEqualTo(ca.isp.billing.domain.ReversalReason.NSF);
        assertRejected(readOne(dir, PaymentFormat.INSTANCE, GOOD.plus("reverses", "DESJ-1")), "amount",
                "a reversal (reverses 'DESJ-1') must be negative: '57.37'");
        assertRejected(readOne(dir, PaymentFormat.INSTANCE, GOOD.plus("reversal_reason", "NSF")), "reversal_reason",
                "only for a reversal (a line with reverses)");
        assertRejected(readOne(dir, PaymentFormat.INSTANCE, GOOD.with("amount", "-1.00").plus("reverses", "X-1")
                .plus("reversal_reason", "LOST")), "reversal_reason", "not one of NSF, CHARGEBACK: 'LOST'");
    }

    @Test
    void aDepositBatchBecomesAFileNameSoItMustBeAnIdentifier() throws IOException {
        assertRejected(readOne(dir, PaymentFormat.INSTANCE, GOOD.plus("deposit_batch", "../../etc/x")), "deposit_batch",
                "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../../etc/x'");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("payment_ref", "", "required but empty"),
                arguments("account_number", "", "required when invoice_number is empty"),
                arguments("received_on", "2026-11-31", "not a date (YYYY-MM-DD): '2026-11-31'"),
                arguments("amount", "0.00", "must be greater than 0: '0.00'"),
                arguments("amount", "-57.37", "must be greater than 0: '-57.37' (a reversal names the payment it takes back in reverses)"),
                // 57.375 would need rounding to 57.38: a payment amount is never guessed
                arguments("amount", "57.375", "more than 2 decimals: '57.375'"),
                arguments("amount", "57,37", "not an amount (like 49.99): '57,37'"),
                arguments("amount", "99999999999999.99", "above the plausible maximum 1000000.00: '99999999999999.99'"),
                arguments("amount", "1000000.01", "above the plausible maximum 1000000.00: '1000000.01'"),
                arguments("payment_ref", "../../x", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../../x'"),
                arguments("account_number", "../100042", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../100042'"),
                arguments("method", "Interac e-Transfer XYZ", "longer than 20 characters: 'Interac e-Transfer XYZ'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, PaymentFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }
}
