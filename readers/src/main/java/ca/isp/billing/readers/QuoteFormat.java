package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.TaxClass;

/**
 * Quotes for one-off work (import quotes): one row per line of a quote, the quote's ref, account,
 * date and acceptance repeated on each. Once accepted, invoice-now bills the quote on its own invoice.
 */
public final class QuoteFormat implements RowFormat<QuoteRow> {

    public static final QuoteFormat INSTANCE = new QuoteFormat(DateWindow.ANY);

    /** 100,000.00 either way, as a one-time charge. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "quote_ref", 30, "account_number", 20, "description_en", 200, "description_fr", 200);

    private static final List<String> COLUMNS = List.of("quote_ref", "account_number", "quote_date", "line_no",
            "description_en", "description_fr", "amount", "tax_class", "accepted_on");

    private static final List<String> REQUIRED = List.of("quote_ref", "account_number", "quote_date", "line_no",
            "description_en", "amount", "tax_class");

    private final DateWindow dates;

    private QuoteFormat(DateWindow dates) {
        this.dates = dates;
    }

    public static QuoteFormat within(DateWindow dates) {
        return new QuoteFormat(dates);
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
    public QuoteRow parse(Row row) {
        String ref = row.identifier("quote_ref", Identifier.CODE);
        String account = row.identifier("account_number", Identifier.CODE);
        LocalDate quoteDate = row.within("quote_date", row.date("quote_date"), dates);
        Integer lineNo = row.optionalIntBetween("line_no", 1, 999);
        if (lineNo == null) {
            throw new FieldException("line_no", "required but empty");
        }
        String en = row.required("description_en");
        String fr = row.optional("description_fr");
        BigDecimal amount = row.money("amount");
        if (amount.signum() == 0) {
            throw new FieldException("amount", "must not be 0: " + Row.quote(row.required("amount")));
        }
        row.atMost("amount", amount.abs(), MAX_AMOUNT);
        TaxClass taxClass = row.oneOf("tax_class", TaxClass.class);
        LocalDate accepted = row.within("accepted_on", row.optionalDate("accepted_on"), dates);
        if (accepted != null && accepted.isBefore(quoteDate)) {
            throw new FieldException("accepted_on", "before quote_date " + quoteDate + ": " + accepted);
        }
        return new QuoteRow(ref, account, quoteDate, lineNo, en, fr == null ? en : fr, amount, taxClass, accepted);
    }
}
