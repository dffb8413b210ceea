package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One-time charges and credits (import charges): installation, equipment, a goodwill or outage
 * credit, each with its date and the words printed on the invoice. A negative amount is a credit.
 */
public final class ChargeFormat implements RowFormat<ChargeRow> {

    /** Any date: for the header, and tests of other things; the import reads {@link #within}. */
    public static final ChargeFormat INSTANCE = new ChargeFormat(DateWindow.ANY);

    /** 100,000.00 either way: more in one charge or credit is a mistake in the file. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "charge_ref", 60, "account_number", 20, "description_en", 200, "description_fr", 200, "reason", 300);

    private static final List<String> COLUMNS = List.of(
            "charge_ref", "account_number", "charge_date", "amount", "description_en", "description_fr", "reason");

    private static final List<String> REQUIRED = List.of(
            "charge_ref", "account_number", "charge_date", "amount", "description_en");

    private final DateWindow dates;

    private ChargeFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses a charge dated outside the window. */
    public static ChargeFormat within(DateWindow dates) {
        return new ChargeFormat(dates);
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
    public ChargeRow parse(Row row) {
        String chargeRef = row.identifier("charge_ref", Identifier.CODE);
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        LocalDate chargeDate = row.within("charge_date", row.date("charge_date"), dates);
        BigDecimal amount = row.money("amount");
        if (amount.signum() == 0) {
            throw new FieldException("amount", "must not be 0 (a charge is positive and a credit negative): "
                    + Row.quote(row.required("amount")));
        }
        row.atMost("amount", amount.abs(), MAX_AMOUNT);
        String descriptionEn = row.required("description_en");
        String descriptionFr = row.optional("description_fr");
        return new ChargeRow(chargeRef, accountNumber, chargeDate, amount, descriptionEn,
                descriptionFr == null ? descriptionEn : descriptionFr, row.optional("reason"));
    }
}
