package ca.isp.billing.readers;

import ca.isp.billing.domain.BillingIncrement;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.VoiceRate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rates file (import rates, domain/RATES.md): one voice rate per line, read as the
 * {@link VoiceRate} it is. Checks that need several lines (two rates for the same prefix, band and
 * days; a band the table does not define) are made when the lines of a table become a
 * {@code RateTable}.
 */
public final class RateFormat implements RowFormat<VoiceRate> {

    /** Any dates: for the header, and tests of other things; the import reads {@link #within}. */
    public static final RateFormat INSTANCE = new RateFormat(DateWindow.ANY);

    // Plausible ceilings, as for plans: a value above one is a mistake in the file.
    /** 100.00 per minute: a satellite phone, not a typo with extra digits. */
    static final BigDecimal MAX_PER_MINUTE = new BigDecimal("100.00");
    /** 100.00 for connecting one call, or as its minimum. */
    static final BigDecimal MAX_PER_CALL = new BigDecimal("100.00");

    private static final Pattern PREFIX = Pattern.compile("[0-9]{1," + VoiceRate.MAX_PREFIX + "}");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "rate_table", 30, "destination", 100, "band", 20);

    private static final List<String> COLUMNS = List.of(
            "rate_table", "prefix", "destination", "band", "per_minute", "first_increment", "next_increment",
            "connection_fee", "minimum_charge", "uses_included", "effective_from", "effective_to");

    private static final List<String> REQUIRED = List.of(
            "rate_table", "prefix", "band", "per_minute", "first_increment", "next_increment", "uses_included");

    private final DateWindow dates;

    private RateFormat(DateWindow dates) {
        this.dates = dates;
    }

    /** Refuses an effective date outside the window. */
    public static RateFormat within(DateWindow dates) {
        return new RateFormat(dates);
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
    public VoiceRate parse(Row row) {
        String table = row.identifier("rate_table", Identifier.CODE);
        String prefix = row.required("prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new FieldException("prefix", "not 1 to " + VoiceRate.MAX_PREFIX
                    + " digits (the number as E.164 digits, no + or spaces): " + Row.quote(prefix));
        }
        String destination = row.optional("destination");
        String band = band(row, "band");
        BigDecimal perMinute = row.atMost("per_minute",
                notNegative(row, "per_minute", row.decimal("per_minute", VoiceRate.PER_MINUTE_DECIMALS)), MAX_PER_MINUTE);
        BillingIncrement increment = new BillingIncrement(increment(row, "first_increment"),
                increment(row, "next_increment"));
        BigDecimal connectionFee = row.atMost("connection_fee",
                notNegative(row, "connection_fee", row.optionalMoney("connection_fee")), MAX_PER_CALL);
        BigDecimal minimumCharge = row.atMost("minimum_charge",
                notNegative(row, "minimum_charge", row.optionalMoney("minimum_charge")), MAX_PER_CALL);
        boolean usesIncluded = row.oneOf("uses_included", "YES", "NO").equals("YES");
        LocalDate from = row.within("effective_from", row.optionalDate("effective_from"), dates);
        LocalDate to = row.within("effective_to", row.optionalDate("effective_to"), dates);
        // effective_to is inclusive, so a rate for one day has effective_to = effective_from
        if (from != null && to != null && to.isBefore(from)) {
            throw new FieldException("effective_to", "before effective_from " + from + ": " + Row.quote(to));
        }
        return new VoiceRate(table, prefix, destination, band, perMinute, increment, connectionFee, minimumCharge,
                usesIncluded, from, to);
    }

    /** A band code, upper-cased so DAY and day are one band; ANY is any time. */
    static String band(Row row, String column) {
        return row.identifier(column, Identifier.CODE).toUpperCase(Locale.ROOT);
    }

    private static int increment(Row row, String column) {
        int seconds = row.positiveInt(column);
        if (seconds > BillingIncrement.MAX_SECONDS) {
            throw new FieldException(column, "above " + BillingIncrement.MAX_SECONDS + " seconds: "
                    + Row.quote(row.required(column)));
        }
        return seconds;
    }

    private static BigDecimal notNegative(Row row, String column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new FieldException(column, "must not be negative: " + Row.quote(row.optional(column)));
        }
        return value;
    }
}
