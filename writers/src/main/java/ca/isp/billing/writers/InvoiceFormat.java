package ca.isp.billing.writers;

import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money, dates and quantities written the way a Canadian reader expects in each language:
 * EN {@code $1,234.56} and {@code November 1, 2026}; FR {@code 1 234,56 $} and
 * {@code 1er novembre 2026}. Spaces inside an amount are no-break spaces so it never wraps.
 */
public final class InvoiceFormat {

    /** No-break space: French thousands separator and the space before "$". */
    public static final char NBSP = '\u00A0';

    private static final String EN_DASH = "\u2013";

    private final Language language;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter shortDate;

    /**
     * Each language's date formatters, made once (immutable, shared by all threads): a view is made
     * per invoice and parsing the three patterns again each time was a measurable part of its cost.
     */
    private static final Map<Language, DateTimeFormatter[]> DATE_FORMATS = new ConcurrentHashMap<>();

    public InvoiceFormat(Language language) {
        this.language = language;
        DateTimeFormatter[] f = DATE_FORMATS.computeIfAbsent(language, l -> l == Language.FR
                ? new DateTimeFormatter[]{DateTimeFormatter.ofPattern("MMMM yyyy", l.locale()),
                        DateTimeFormatter.ofPattern("MMM", l.locale()), DateTimeFormatter.ofPattern("MMM yyyy", l.locale())}
                : new DateTimeFormatter[]{DateTimeFormatter.ofPattern("MMMM d, yyyy", l.locale()),
                        DateTimeFormatter.ofPattern("MMM d", l.locale()),
                        DateTimeFormatter.ofPattern("MMM d, yyyy", l.locale())});
        longDate = f[0];
        shortDay = f[1];
        shortDate = f[2];
    }

    /** {@code $1,234.56} / {@code 1 234,56 $}; US dollars say so: {@code US$1,234.56} / {@code 1 234,56 $ US}. */
    public String money(BigDecimal amount, String currency) {
        BigDecimal cents = Money.round(amount);
        String digits = number(cents.abs(), 2);
        String sign = cents.signum() < 0 ? "-" : "";
        boolean usd = "USD".equals(currency);
        if (language == Language.FR) {
            return sign + digits + NBSP + "$" + (usd ? NBSP + "US" : "");
        }
        return sign + (usd ? "US$" : "$") + digits;
    }

    /** {@code November 1, 2026} / {@code 1er novembre 2026} (French writes the first of the month "1er"). */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        if (language == Language.FR) {
            return frenchDay(date) + " " + longDate.format(date);
        }
        return longDate.format(date);
    }

    /** A compact inclusive period for a table column: {@code Nov. 1 – Nov. 30, 2026} / {@code 1er nov. – 30 nov. 2026}. */
    public String period(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            return "";
        }
        if (first.equals(last)) {
            return shortDate(last);
        }
        String start = first.getYear() == last.getYear() ? shortDay(first) : shortDate(first);
        return start + " " + EN_DASH + " " + shortDate(last);
    }

    /** The service period in words: {@code November 1, 2026 to November 30, 2026} / {@code du 1er novembre 2026 au 30 novembre 2026}. */
    public String servicePeriod(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            return "";
        }
        if (language == Language.FR) {
            return "du " + date(first) + " au " + date(last);
        }
        return date(first) + " to " + date(last);
    }

    /** A quantity without useless zeros: {@code 1}, {@code 12.5} / {@code 12,5}; empty when there is none. */
    public String quantity(BigDecimal quantity, String unit) {
        if (quantity == null) {
            return "";
        }
        BigDecimal plain = quantity.stripTrailingZeros();
        String text = number(plain, Math.max(plain.scale(), 0));
        return unit == null || unit.isBlank() ? text : text + NBSP + unit(unit, plain.compareTo(BigDecimal.ONE) > 0);
    }

    /**
     * Lines carry their unit in English ("month", "GB", "min", "fee"); the reader gets it in the
     * invoice's language and number: "3 months", "3 mois", "53,264 Go". Other units print as they are.
     */
    String unit(String unit, boolean plural) {
        return switch (unit) {
            case "month" -> language == Language.FR ? "mois" : plural ? "months" : "month";
            case "fee" -> language == Language.FR ? "frais" : plural ? "fees" : "fee";
            case "GB" -> language == Language.FR ? "Go" : "GB";
            default -> unit;
        };
    }

    private String shortDay(LocalDate date) {
        return language == Language.FR ? frenchDay(date) + " " + shortDay.format(date) : shortDay.format(date);
    }

    /** A compact date for a table row: {@code Oct. 21, 2026} / {@code 21 oct. 2026}. */
    public String shortDate(LocalDate date) {
        return language == Language.FR ? frenchDay(date) + " " + shortDate.format(date) : shortDate.format(date);
    }

    private static String frenchDay(LocalDate date) {
        return date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
    }

    /**
     * A thread's number formats, by language and decimals: DecimalFormat is not safe to share
     * between threads, and making one (its symbols, its pattern) for every amount of every invoice
     * cost more than formatting with it.
     */
    private static final ThreadLocal<Map<Integer, DecimalFormat>> NUMBER_FORMATS = ThreadLocal.withInitial(HashMap::new);

    private String number(BigDecimal value, int decimals) {
        if (decimals > 20) {
            return numberFormat(language, decimals).format(value);
        }
        return NUMBER_FORMATS.get().computeIfAbsent(language.ordinal() * 32 + decimals,
                k -> numberFormat(language, decimals)).format(value);
    }

    private static DecimalFormat numberFormat(Language language, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(language.locale());
        symbols.setGroupingSeparator(language == Language.FR ? NBSP : ',');
        symbols.setDecimalSeparator(language == Language.FR ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setParseBigDecimal(true);
        return format;
    }
}
