package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.ReversalReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Payment batches (var/inbox/payments/*.csv): a payment per line (account or invoice, amount,
 * date, method, deposit batch, cheque number), or a reversal (a negative amount naming the payment
 * it takes back). Files of the first format (five columns) read as before.
 */
public final class PaymentFormat implements RowFormat<PaymentRow> {

    /** Any date: for the header, and tests of other things; the payments step reads {@link #within}. */
    public static final PaymentFormat INSTANCE = new PaymentFormat(DateWindow.ANY);

    /** 1,000,000.00 in one payment: more is a mistake in the batch, not a customer. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "payment_ref", 60, "account_number", 20, "method", 20, "invoice_number", 40, "deposit_batch", 40,
            "cheque_number", 20, "reverses", 60);

    /** The first format's five columns, then the optional ones of payment batches (docs/FILE-FORMATS.md). */
    private static final List<String> COLUMNS = List.of(
            "payment_ref", "account_number", "received_on", "amount", "method", "invoice_number", "deposit_batch",
            "cheque_number", "reverses", "reversal_reason");

    /** account_number may be left out of a file whose lines name invoices instead. */
    private static final List<String> REQUIRED = List.of(
            "payment_ref", "received_on", "amount");

    private final DateWindow receivedOn;

    private PaymentFormat(DateWindow receivedOn) {
        this.receivedOn = receivedOn;
    }

    /** Refuses a payment received outside the window (1900, 2099). */
    public static PaymentFormat within(DateWindow receivedOn) {
        return new PaymentFormat(receivedOn);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public PaymentRow parse(Row row) {
        String paymentRef = row.identifier("payment_ref", Identifier.CODE);
        String accountNumber = optionalIdentifier(row, "account_number");
        String invoiceNumber = optionalIdentifier(row, "invoice_number");
        LocalDate receivedOn = row.within("received_on", row.date("received_on"), this.receivedOn);
        BigDecimal amount = row.money("amount");
        String reverses = optionalIdentifier(row, "reverses");
        String method = row.optional("method");
        String depositBatch = optionalIdentifier(row, "deposit_batch");
        String chequeNumber = optionalIdentifier(row, "cheque_number");
        if (reverses != null) {
            // a returned payment: the money going back out, naming the payment it takes back
            if (amount.signum() >= 0) {
                throw new FieldException("amount", "a reversal (reverses " + Row.quote(reverses)
                        + ") must be negative: " + Row.quote(row.required("amount")));
            }
            row.atMost("amount", amount.negate(), MAX_AMOUNT);
            ReversalReason reason = row.optional("reversal_reason") == null ? null
                    : row.oneOf("reversal_reason", ReversalReason.class);
            return new PaymentRow(paymentRef, accountNumber, receivedOn, amount, method, invoiceNumber, depositBatch,
                    chequeNumber, reverses, reason);
        }
        if (amount.signum() <= 0) {
            throw new FieldException("amount", "must be greater than 0: " + Row.quote(row.required("amount"))
                    + (amount.signum() < 0 ? " (a reversal names the payment it takes back in reverses)" : ""));
        }
        if (row.optional("reversal_reason") != null) {
            throw new FieldException("reversal_reason", "only for a reversal (a line with reverses)");
        }
        row.atMost("amount", amount, MAX_AMOUNT);
        if (accountNumber == null && invoiceNumber == null) {
            throw new FieldException("account_number", "required when invoice_number is empty");
        }
        return new PaymentRow(paymentRef, accountNumber, receivedOn, amount, method, invoiceNumber, depositBatch,
                chequeNumber, null, null);
    }

    /** An identifier (safe as a key and a file name) or null when empty. */
    private static String optionalIdentifier(Row row, String column) {
        return row.optional(column) == null ? null : row.identifier(column, Identifier.CODE);
    }
}
