package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Payment batches (var/inbox/payments/*.csv). */
public final class PaymentFormat implements RowFormat<PaymentRow> {

    /** Any date: for the header, and tests of other things; the payments step reads {@link #within}. */
    public static final PaymentFormat INSTANCE = new PaymentFormat(DateWindow.ANY);

    /** 1,000,000.00 in one payment: more is a mistake in the batch, not a customer. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "payment_ref", 60, "account_number", 20, "method", 20);

    private static final List<String> COLUMNS = List.of(
            "payment_ref", "account_number", "received_on", "amount", "method");

    private static final List<String> REQUIRED = List.of(
            "payment_ref", "account_number", "received_on", "amount");

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
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        LocalDate receivedOn = row.within("received_on", row.date("received_on"), this.receivedOn);
        BigDecimal amount = row.money("amount");
        // refunds and reversals are not payments; they need their own file and review
        if (amount.signum() <= 0) {
            throw new FieldException("amount", "must be greater than 0: " + Row.quote(row.required("amount")));
        }
        row.atMost("amount", amount, MAX_AMOUNT);
        return new PaymentRow(paymentRef, accountNumber, receivedOn, amount, row.optional("method"));
    }
}
