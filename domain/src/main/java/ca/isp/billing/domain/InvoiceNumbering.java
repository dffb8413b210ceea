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

    public InvoiceNumbering {
        if (prefix == null || !SAFE.matcher(prefix.replace(YEAR, "")).matches()) {
            throw new IllegalArgumentException("invoice number prefix may only hold letters, digits, '-', '_' and "
                    + YEAR + ", not '" + prefix + "'");
        }
        if (width < 1 || width > 12) {
            throw new IllegalArgumentException("invoice number width must be 1 to 12 digits, not " + width);
        }
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
