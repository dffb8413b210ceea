package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The opening-balances file (import opening-balances). */
public final class OpeningBalanceFormat implements RowFormat<OpeningBalanceRow> {

    /** Any dates: for the header, and tests of other things; the import reads {@link #within}. */
    public static final OpeningBalanceFormat INSTANCE = new OpeningBalanceFormat(DateWindow.ANY);

    /** 1,000,000.00 still owed on one invoice: more is a mistake in the file, not a customer. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    /** invoice.invoice_number is 40 characters. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("account_number", 20, "invoice_number", 40);

    private static final List<String> REQUIRED = List.of(
            "account_number", "invoice_number", "invoice_date", "due_date", "amount");

    private final DateWindow dates;

    private OpeningBalanceFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses an invoice date or a due date outside the window. */
    public static OpeningBalanceFormat within(DateWindow dates) {
        return new OpeningBalanceFormat(dates);
    }

    @Override
    public List<String> columns() {
        return REQUIRED; // every column is required
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
    public OpeningBalanceRow parse(Row row) {
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        String invoiceNumber = row.identifier("invoice_number", Identifier.CODE);
        LocalDate invoiceDate = row.within("invoice_date", row.date("invoice_date"), dates);
        LocalDate dueDate = row.within("due_date", row.date("due_date"), dates);
        if (dueDate.isBefore(invoiceDate)) {
            throw new FieldException("due_date", "before invoice_date " + invoiceDate + ": " + Row.quote(dueDate));
        }
        BigDecimal amount = row.money("amount");
        // a paid-off or credit balance is not an open invoice
        if (amount.signum() <= 0) {
            throw new FieldException("amount", "must be greater than 0: " + Row.quote(row.required("amount")));
        }
        row.atMost("amount", amount, MAX_AMOUNT);
        return new OpeningBalanceRow(accountNumber, invoiceNumber, invoiceDate, dueDate, amount);
    }
}
