package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.InvoiceLine;

/** A taxed invoice, its lines, the account's balance before it and how the account wants it delivered. */
public record InvoiceToIssue(long invoiceId, long accountId, String invoiceNumber, LocalDate invoiceDate,
                             List<InvoiceLine> lines, BigDecimal previousBalance, String delivery, String email) {
}
