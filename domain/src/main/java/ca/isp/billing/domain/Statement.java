package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The balance-forward part of an invoice, as telecom invoices show it:
 *
 * <pre>
 *   previous balance            (the amount due of the last invoice, or the opening balance)
 * - payments received since     (each payment on exactly one invoice)
 * + adjustments                 (any other ledger entry since, e.g. an opening balance imported late)
 * + new charges                 (this invoice's total: charges, credits, late fees, taxes)
 * = amount due                  (the account's ledger balance on the invoice date, less any
 *                                invoice held for review: the customer has not received it)
 * </pre>
 *
 * A statement takes the ledger entries dated on or before the invoice date that no earlier
 * statement took, so the amount due always equals the sum of the ledger up to the invoice date.
 *
 * @param previousBalance  what the account owed on its last statement (0.00 when none)
 * @param payments         the payment entries it shows (negative amounts), oldest first
 * @param paymentsReceived their total as a positive amount
 * @param adjustments      other entries it shows (opening balances after the first statement...)
 * @param adjustmentsTotal their total
 * @param newCharges       this invoice's total
 * @param amountDue        previous - payments + adjustments + new charges
 */
public record Statement(BigDecimal previousBalance, List<LedgerEntry> payments, BigDecimal paymentsReceived,
                        List<LedgerEntry> adjustments, BigDecimal adjustmentsTotal, BigDecimal newCharges,
                        BigDecimal amountDue) {

    public Statement {
        payments = List.copyOf(payments);
        adjustments = List.copyOf(adjustments);
    }

    /**
     * The statement of a new invoice.
     *
     * @param balanceOnLastStatement the amount due of the account's last statement, or null when
     *                               this is its first: then the opening balances taken over from the
     *                               previous system are its previous balance
     * @param newEntries             the ledger entries no statement has shown yet, dated on or before
     *                               the invoice date (the new invoice's own entry excluded)
     * @param newCharges             the new invoice's total
     */
    public static Statement of(BigDecimal balanceOnLastStatement, List<LedgerEntry> newEntries, BigDecimal newCharges) {
        Objects.requireNonNull(newCharges, "newCharges");
        boolean first = balanceOnLastStatement == null;
        List<BigDecimal> opening = new ArrayList<>();
        List<LedgerEntry> payments = new ArrayList<>();
        List<LedgerEntry> adjustments = new ArrayList<>();
        for (LedgerEntry entry : newEntries) {
            if (entry.type() == LedgerEntryType.PAYMENT) {
                payments.add(entry);
            } else if (first && entry.type() == LedgerEntryType.OPENING_BALANCE) {
                opening.add(entry.amount());
            } else {
                adjustments.add(entry);
            }
        }
        payments.sort(BY_DATE);
        adjustments.sort(BY_DATE);
        BigDecimal previous = first ? Money.sum(opening) : balanceOnLastStatement;
        BigDecimal received = Money.sum(payments.stream().map(LedgerEntry::amount).toList()).negate();
        BigDecimal adjusted = Money.sum(adjustments.stream().map(LedgerEntry::amount).toList());
        BigDecimal amountDue = previous.subtract(received).add(adjusted).add(newCharges);
        return new Statement(previous, payments, received, adjustments, adjusted, newCharges, amountDue);
    }

    private static final Comparator<LedgerEntry> BY_DATE =
            Comparator.comparing(LedgerEntry::date).thenComparing(LedgerEntry::reference);
}
