package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One CSV record, read by column name. The typed getters throw {@link FieldException} naming the
 * column, what was expected and the value found. Every value is refused if it holds a control
 * character, and a text value if it is longer than its column's limit (the format's
 * {@link RowFormat#maxLengths()}, the size of the database column it is stored in).
 */
public final class Row {

    /** A plain decimal with a dot: no exponent, no thousands separator, no currency sign. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    /** A value longer than this is quoted in a reason by its start and its length. */
    private static final int QUOTED_LENGTH = 40;

    private final long line;
    private final Map<String, Integer> columns;
    private final String[] values;
    private final Map<String, Integer> maxLengths;

    /** Columns maps lower-case header names to positions in values; no length limits. */
    Row(long line, Map<String, Integer> columns, String[] values) {
        this(line, columns, values, Map.of());
    }

    /** With the most characters a column's value may have, by lower-case column name. */
    Row(long line, Map<String, Integer> columns, String[] values, Map<String, Integer> maxLengths) {
        this.line = line;
        this.columns = columns;
        this.values = values;
        this.maxLengths = maxLengths;
    }

    /** Line number in the file, counting the header as line 1. */
    public long line() {
        return line;
    }

    /** The trimmed value; empty or absent is an error. */
    public String required(String column) {
        String text = optional(column);
        if (text == null) {
            throw new FieldException(column, "required but empty");
        }
        return text;
    }

    /**
     * The trimmed value, or null when it is empty or the column is not in the file. A control
     * character (a tab, a line break inside quotes, NUL) is refused: no field of ours holds one.
     */
    public String optional(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        Integer index = columns.get(name);
        if (index == null || index >= values.length) {
            return null;
        }
        String text = values[index].trim();
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new FieldException(column, String.format("contains a control character (U+%04X)",
                        (int) text.charAt(i)));
            }
        }
        Integer max = maxLengths.get(name);
        if (max != null && text.length() > max) {
            throw new FieldException(column, "longer than " + max + " characters: " + quote(text));
        }
        return text;
    }

    /** A required identifier of the given kind (see {@link Identifier}): safe as a key and in a file name. */
    public String identifier(String column, Identifier kind) {
        String text = required(column);
        String refusal = kind.refusal(text);
        if (refusal != null) {
            throw new FieldException(column, refusal + ": " + quote(text));
        }
        return text;
    }

    public LocalDate date(String column) {
        return toDate(column, required(column));
    }

    public LocalDate optionalDate(String column) {
        String text = optional(column);
        return text == null ? null : toDate(column, text);
    }

    /** An ISO local timestamp such as 2026-11-03T14:05:00. */
    public LocalDateTime timestamp(String column) {
        String text = required(column);
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "not a timestamp (YYYY-MM-DDTHH:MM:SS): " + quote(text));
        }
    }

    /** An amount of money, scale 2; more than 2 decimals is an error, never a rounding. */
    public BigDecimal money(String column) {
        return toMoney(column, required(column));
    }

    public BigDecimal optionalMoney(String column) {
        String text = optional(column);
        return text == null ? null : toMoney(column, text);
    }

    /** A plain decimal number, scale as written. */
    public BigDecimal decimal(String column) {
        return toDecimal(column, required(column));
    }

    public BigDecimal optionalDecimal(String column) {
        String text = optional(column);
        return text == null ? null : toDecimal(column, text);
    }

    /** A plain decimal number with at most maxDecimals significant decimals (trailing zeros are fine). */
    public BigDecimal decimal(String column, int maxDecimals) {
        return checkDecimals(column, decimal(column), maxDecimals);
    }

    public BigDecimal optionalDecimal(String column, int maxDecimals) {
        BigDecimal value = optionalDecimal(column);
        return value == null ? null : checkDecimals(column, value, maxDecimals);
    }

    /** A whole number >= 0, such as a byte or second count. */
    public long wholeNumber(String column) {
        String text = required(column);
        long value;
        try {
            value = Long.parseLong(toWhole(column, text));
        } catch (NumberFormatException e) {
            throw new FieldException(column, "too large: " + quote(text));
        }
        if (value < 0) {
            throw new FieldException(column, "must not be negative: " + quote(text));
        }
        return value;
    }

    /** A whole number >= 1, such as a count of months. */
    public int positiveInt(String column) {
        String text = required(column);
        int value;
        try {
            value = Integer.parseInt(toWhole(column, text));
        } catch (NumberFormatException e) {
            throw new FieldException(column, "too large: " + quote(text));
        }
        if (value < 1) {
            throw new FieldException(column, "must be at least 1: " + quote(text));
        }
        return value;
    }

    /** An optional whole number from {@code min} to {@code max} (a bill day, a quantity), or null. */
    public Integer optionalIntBetween(String column, int min, int max) {
        String text = optional(column);
        if (text == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(toWhole(column, text));
        } catch (NumberFormatException e) {
            throw new FieldException(column, "too large: " + quote(text));
        }
        if (value < min || value > max) {
            throw new FieldException(column, "must be from " + min + " to " + max + ": " + quote(text));
        }
        return value;
    }

    /** The enum constant whose name matches the value, ignoring case. */
    public <E extends Enum<E>> E oneOf(String column, Class<E> type) {
        String text = required(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new FieldException(column, "not one of " + names + ": " + quote(text));
    }

    /** The allowed value that matches, ignoring case, returned as spelled in allowed. */
    public String oneOf(String column, String... allowed) {
        String text = required(column);
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new FieldException(column, "not one of " + String.join(", ", allowed) + ": " + quote(text));
    }

    /** An ISO 3166 alpha-2 country code, upper-cased. */
    public String countryCode(String column) {
        String text = required(column);
        if (!COUNTRY.matcher(text).matches()) {
            throw new FieldException(column, "not a 2-letter country code: " + quote(text));
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /** The value, refused when above max: the plausible ceiling its format documents. Null stays null. */
    BigDecimal atMost(String column, BigDecimal value, BigDecimal max) {
        if (value != null && value.compareTo(max) > 0) {
            throw new FieldException(column, "above the plausible maximum " + max.toPlainString() + ": "
                    + quote(optional(column)));
        }
        return value;
    }

    /** The date, refused when outside its plausible window (1900, 2099...). Null stays null. */
    LocalDate within(String column, LocalDate date, DateWindow window) {
        if (date != null && !window.contains(date)) {
            throw new FieldException(column, "outside the plausible window " + window + ": " + quote(optional(column)));
        }
        return date;
    }

    /** The moment, refused when its day is outside its plausible window. */
    LocalDateTime within(String column, LocalDateTime moment, DateWindow window) {
        if (!window.contains(moment)) {
            throw new FieldException(column, "outside the plausible window " + window + ": " + quote(optional(column)));
        }
        return moment;
    }

    /** Quotes a value for a reject reason: 'abc', or its start and length when it is long. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() > QUOTED_LENGTH) {
            return "'" + text.substring(0, QUOTED_LENGTH) + "…' (" + text.length() + " characters)";
        }
        return "'" + text + "'";
    }

    private static LocalDate toDate(String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "not a date (YYYY-MM-DD): " + quote(text));
        }
    }

    private static BigDecimal toMoney(String column, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new FieldException(column, "not an amount (like 49.99): " + quote(text));
        }
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FieldException(column, "more than 2 decimals: " + quote(text));
        }
    }

    private static BigDecimal toDecimal(String column, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new FieldException(column, "not a decimal number (like 0.5): " + quote(text));
        }
        return new BigDecimal(text);
    }

    private static BigDecimal checkDecimals(String column, BigDecimal value, int maxDecimals) {
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            throw new FieldException(column, "more than " + maxDecimals + " decimals: " + quote(value.toPlainString()));
        }
        return value;
    }

    private static String toWhole(String column, String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new FieldException(column, "not a whole number: " + quote(text));
        }
        return text;
    }
}
