package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued invoice not fully paid whose due date has passed. */
public record OverdueInvoice(long invoiceId, long accountId, String invoiceNumber, LocalDate dueDate,
                             BigDecimal openAmount) {
}
