package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.InvoiceTotals;
import ca.isp.billing.domain.Statement;

/**
 * An invoice ready to be issued: totals, due date, its statement (and the ledger entries it
 * shows), the credits that pay it and the channels it goes out on. Its number is given by the
 * writer, in the issuing transaction.
 */
public record IssuedInvoice(long invoiceId, long accountId, String accountNumber, LocalDate invoiceDate,
                            LocalDate dueDate, InvoiceTotals totals, Statement statement, boolean firstStatement,
                            List<Long> shownEntryIds,
                            List<CreditUse> creditsUsed, List<DeliveryChannel> channels, String email) {

    /** Part of an earlier payment's credit that pays this invoice. */
    public record CreditUse(long paymentId, BigDecimal amount) {
    }
}
