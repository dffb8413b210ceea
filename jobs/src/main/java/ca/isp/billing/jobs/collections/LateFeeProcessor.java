package ca.isp.billing.jobs.collections;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.LateFeePolicy;

/** Applies the LateFeePolicy to one overdue invoice; invoices still in their grace period pass. */
public class LateFeeProcessor implements ItemProcessor<OverdueInvoice, LateFeeAssessment> {

    private final LateFeePolicy policy;
    private final LocalDate asOf;

    public LateFeeProcessor(LateFeePolicy policy, LocalDate asOf) {
        this.policy = policy;
        this.asOf = asOf;
    }

    @Override
    public LateFeeAssessment process(OverdueInvoice invoice) {
        if (!policy.applies(invoice.dueDate(), invoice.openAmount(), asOf)) {
            return null;
        }
        return new LateFeeAssessment(invoice.invoiceId(), invoice.accountId(), policy.code(), policy.flatFee(), asOf);
    }
}
