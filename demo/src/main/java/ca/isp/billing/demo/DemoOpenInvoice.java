package ca.isp.billing.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice of the old billing system still unpaid: one row of opening-balances.csv. older is
 * the one from two months ago, which makes its account delinquent.
 */
record DemoOpenInvoice(DemoCustomer customer, String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate,
                       BigDecimal amount, boolean older) {
}
