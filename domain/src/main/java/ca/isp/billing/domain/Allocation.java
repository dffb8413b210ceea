package ca.isp.billing.domain;

import java.math.BigDecimal;

/** The part of a payment applied to one invoice. */
public record Allocation(long invoiceId, BigDecimal amount) {
}
