package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.LedgerEntry;

/**
 * A taxed invoice (no number yet), its lines, and what its statement needs: the amount due of
 * the account's last statement (null when it has none), the ledger entries no statement has
 * shown yet, the credits the account holds (payments no invoice took yet, oldest first) and
 * how the account wants it delivered.
 */
public record InvoiceToIssue(long invoiceId, long accountId, String accountNumber, LocalDate invoiceDate,
                             List<InvoiceLine> lines, BigDecimal balanceOnLastStatement, List<NewEntry> newEntries,
                             List<Credit> credits, DeliveryPreference delivery, String email, String customerType) {

    /** A ledger entry no statement has shown yet, with its row id (to mark it shown). */
    public record NewEntry(long id, LedgerEntry entry) {
    }

    /** What is left of a payment that no invoice has taken. */
    public record Credit(long paymentId, BigDecimal unapplied) {
    }
}
