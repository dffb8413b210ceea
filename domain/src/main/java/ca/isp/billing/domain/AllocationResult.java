package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/** How a payment was applied: per invoice, oldest first, and what was left over as a credit. */
public record AllocationResult(List<Allocation> allocations, BigDecimal unapplied) {

    public AllocationResult {
        allocations = List.copyOf(allocations);
    }
}
