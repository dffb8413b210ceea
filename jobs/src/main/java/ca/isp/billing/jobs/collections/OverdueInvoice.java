package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import ca.isp.billing.domain.LineType;

/**
 * An issued invoice not fully paid whose due date has passed, with what a penalty class needs:
 * the account's class (null: the company default), the invoice total and its lines summed by
 * kind, and the last fee period already charged on it (null: none).
 */
public record OverdueInvoice(long invoiceId, long accountId, String invoiceNumber, LocalDate dueDate,
                             BigDecimal openAmount, BigDecimal total, String penaltyClass,
                             Map<LineType, BigDecimal> linesByKind, Integer lastFeePeriod) {
}
