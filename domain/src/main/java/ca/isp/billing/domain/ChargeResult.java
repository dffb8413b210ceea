package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.List;

/** What {@link PlanCharger} billed: the lines, the account's new next bill date and the account periods covered. */
public record ChargeResult(List<InvoiceLine> lines, LocalDate newNextBillDate, List<BillingPeriod> periodsBilled) {

    public ChargeResult {
        lines = List.copyOf(lines);
        periodsBilled = List.copyOf(periodsBilled);
    }
}
