package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Payment batches (var/inbox/payments/*.csv). */
public final class PaymentFormat implements RowFormat<PaymentRow> {

    public static final PaymentFormat INSTANCE = new PaymentFormat();

    private static final List<String> COLUMNS = List.of(
            "payment_ref", "account_number", "received_on", "amount", "method");

    private static final List<String> REQUIRED = List.of(
            "payment_ref", "account_number", "received_on", "amount");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public PaymentRow parse(Row row) {
        String paymentRef = row.required("payment_ref");
        String accountNumber = row.required("account_number");
        LocalDate receivedOn = row.date("received_on");
        BigDecimal amount = row.money("amount");
        // refunds and reversals are not payments; they need their own file and review
        if (amount.signum() <= 0) {
            throw new FieldException("amount", "must be greater than 0: " + Row.quote(row.required("amount")));
        }
        return new PaymentRow(paymentRef, accountNumber, receivedOn, amount, row.optional("method"));
    }
}
