package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the opening-balances file: an invoice of the old system still owed. */
public record OpeningBalanceRow(String accountNumber, String invoiceNumber, LocalDate invoiceDate,
                                LocalDate dueDate, BigDecimal amount) {
}
