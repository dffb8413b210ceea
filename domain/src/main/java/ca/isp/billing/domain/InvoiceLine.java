package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One typed line of an invoice. {@code lineKey} is unique within the invoice and stable across
 * reruns (for example {@code RECURRING:S100042-1:2026-11-01}), so a restarted step finds the
 * line it already wrote instead of adding it twice. {@code description} is printed on the
 * invoice in the account's language; {@code reason} says in plain words why the line exists,
 * for operators. Period dates are inclusive (first and last day of service); null when the
 * line has no period. {@code amount} is rounded to cents.
 */
public record InvoiceLine(LineType type, String lineKey, String description, String reason,
                          LocalDate periodStart, LocalDate periodEnd,
                          BigDecimal quantity, String unit, BigDecimal unitPrice,
                          BigDecimal amount) {

    public InvoiceLine {
        if (amount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("line amount must be rounded to cents: " + amount);
        }
    }
}
