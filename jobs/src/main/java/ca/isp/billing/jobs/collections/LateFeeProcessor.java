package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.PenaltyClass;

/**
 * Applies the account's penalty class to one overdue invoice: invoices in their grace period,
 * whose fee for the current period is already charged, or whose overdue base is too small pass.
 */
public class LateFeeProcessor implements ItemProcessor<OverdueInvoice, LateFeeAssessment> {

    private final PenaltyClasses classes;
    private final LocalDate asOf;

    public LateFeeProcessor(PenaltyClasses classes, LocalDate asOf) {
        this.classes = classes;
        this.asOf = asOf;
    }

    @Override
    public LateFeeAssessment process(OverdueInvoice invoice) {
        PenaltyClass penalty = classes.forAccount(invoice.penaltyClass());
        Optional<Integer> period = penalty.periodAsOf(invoice.dueDate(), asOf);
        if (period.isEmpty() || (invoice.lastFeePeriod() != null && invoice.lastFeePeriod() >= period.get())) {
            return null;
        }
        BigDecimal base = penalty.overdueBase(invoice.total(), invoice.openAmount(), invoice.linesByKind());
        return penalty.fee(base)
                .map(fee -> new LateFeeAssessment(invoice.invoiceId(), invoice.accountId(), penalty.code(),
                        period.get(), fee, asOf))
                .orElse(null);
    }
}
