package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The opening-balances file (import opening-balances). */
public final class OpeningBalanceFormat implements RowFormat<OpeningBalanceRow> {

    public static final OpeningBalanceFormat INSTANCE = new OpeningBalanceFormat();

    private static final List<String> REQUIRED = List.of(
            "account_number", "invoice_number", "invoice_date", "due_date", "amount");

    @Override
    public List<String> columns() {
        return REQUIRED; // every column is required
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public OpeningBalanceRow parse(Row row) {
        String accountNumber = row.required("account_number");
        String invoiceNumber = row.required("invoice_number");
        LocalDate invoiceDate = row.date("invoice_date");
        LocalDate dueDate = row.date("due_date");
        if (dueDate.isBefore(invoiceDate)) {
            throw new FieldException("due_date", "before invoice_date " + invoiceDate + ": " + Row.quote(dueDate));
        }
        BigDecimal amount = row.money("amount");
        // a paid-off or credit balance is not an open invoice
        if (amount.signum() <= 0) {
            throw new FieldException("amount", "must be greater than 0: " + Row.quote(row.required("amount")));
        }
        return new OpeningBalanceRow(accountNumber, invoiceNumber, invoiceDate, dueDate, amount);
    }
}
