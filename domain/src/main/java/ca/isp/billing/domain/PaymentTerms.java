package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Days between an invoice date and its due date, per customer type (residential net 21,
 * commercial net 30), with a default for the types not named. The due date starts the late fee
 * clock and the delinquency count, so they differ by type too.
 */
public record PaymentTerms(int defaultDays, Map<String, Integer> daysByCustomerType) {

    /** More than a year of credit is a typing mistake. */
    private static final int MAX_DAYS = 365;

    public PaymentTerms {
        check("default", defaultDays);
        Map<String, Integer> byType = new HashMap<>();
        (daysByCustomerType == null ? Map.<String, Integer>of() : daysByCustomerType).forEach((type, days) -> {
            check(type, days);
            byType.put(type.toUpperCase(Locale.ROOT), days);
        });
        daysByCustomerType = Map.copyOf(byType);
    }

    public static PaymentTerms net(int days) {
        return new PaymentTerms(days, Map.of());
    }

    public int daysFor(String customerType) {
        return customerType == null ? defaultDays
                : daysByCustomerType.getOrDefault(customerType.toUpperCase(Locale.ROOT), defaultDays);
    }

    public LocalDate dueDate(LocalDate invoiceDate, String customerType) {
        return invoiceDate.plusDays(daysFor(customerType));
    }

    /**
     * The due date of an invoice held for review and released (sent) on {@code releasedOn}: the
     * customer gets the whole of their terms from the day it leaves, never less than first given.
     */
    public LocalDate dueDateOnRelease(LocalDate dueDate, LocalDate releasedOn, String customerType) {
        LocalDate fromRelease = dueDate(releasedOn, customerType);
        return fromRelease.isAfter(dueDate) ? fromRelease : dueDate;
    }

    private static void check(String type, Integer days) {
        if (days == null || days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("payment terms for " + type + " must be 0 to " + MAX_DAYS + " days: " + days);
        }
    }
}
