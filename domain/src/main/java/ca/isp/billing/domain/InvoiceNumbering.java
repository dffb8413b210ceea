package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How the ISP numbers its invoices: a prefix, where {@code {year}} stands for the invoice's
 * year, then a counter of fixed width, for example {@code F-{year}-} and 6 digits give
 * {@code F-2026-000123}. Each prefix is its own gapless series (with {@code {year}}, a new
 * series each year, starting at 1). Numbers name files and idempotency keys, so the prefix may
 * only hold letters, digits, '-' and '_'.
 */
public record InvoiceNumbering(String prefix, int width) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]*");
    private static final String YEAR = "{year}";
    /** The invoice_number column's size. */
    public static final int MAX_LENGTH = 40;

    public InvoiceNumbering {
        if (prefix == null || !SAFE.matcher(prefix.replace(YEAR, "")).matches()) {
            throw new IllegalArgumentException("invoice number prefix may only hold letters, digits, '-', '_' and "
                    + YEAR + ", not '" + prefix + "'");
        }
        if (width < 1 || width > 12) {
            throw new IllegalArgumentException("invoice number width must be 1 to 12 digits, not " + width);
        }
        if (prefix.replace(YEAR, "2026").length() + width > MAX_LENGTH) {
            throw new IllegalArgumentException("invoice numbers of prefix '" + prefix + "' and " + width
                    + " digits would be longer than " + MAX_LENGTH + " characters");
        }
    }

    /**
     * Whether a number could be one of this series' (any year): an invoice taken over from the
     * previous system must not carry such a number, or ours would one day collide with it.
     */
    public boolean couldBeOurs(String number) {
        StringBuilder regex = new StringBuilder();
        String[] parts = prefix.split(Pattern.quote(YEAR), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[0-9]{4}");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        regex.append("[0-9]+");
        return number != null && number.matches(regex.toString());
    }

    /** The series an invoice dated {@code invoiceDate} is numbered in: the prefix with its year. */
    public String series(LocalDate invoiceDate) {
        return prefix.replace(YEAR, String.valueOf(invoiceDate.getYear()));
    }

    /** The n-th number of a series, zero-padded; a series that outgrows its width is an error, never a wider number. */
    public String format(String series, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("invoice numbers start at 1, not " + n);
        }
        String digits = Long.toString(n);
        if (digits.length() > width) {
            throw new IllegalStateException("invoice number series " + series + " is full: " + n + " needs more than "
                    + width + " digits (raise billing.invoice-number.width)");
        }
        return series + "0".repeat(width - digits.length()) + digits;
    }
}
