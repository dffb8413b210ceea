package ca.isp.billing.domain;

/**
 * What a general-ledger journal line books. An invoice debits RECEIVABLE with its total and
 * credits one line per invoice line (REVENUE for a plan's charges and usage, ONE_TIME, CREDIT
 * as a debit, LATE_FEE, TAX_PAYABLE per tax and jurisdiction); a payment debits CASH and
 * credits RECEIVABLE; a write-off debits BAD_DEBT and credits RECEIVABLE; a recovery debits
 * RECEIVABLE and credits BAD_DEBT_RECOVERY; suspense money debits CASH and credits UNAPPLIED_CASH,
 * then UNAPPLIED_CASH is debited when it is assigned (RECEIVABLE credited) or returned (CASH credited).
 */
public enum JournalCategory {
    RECEIVABLE, CASH, REVENUE, ONE_TIME, CREDIT, LATE_FEE, TAX_PAYABLE,
    /** A write-off: the bad-debt expense debited, receivables credited. */
    BAD_DEBT,
    /**
     * Unapplied cash: money in the bank for an account or invoice we do not know yet (payment
     * suspense), a liability until it is assigned (then moved to receivables) or returned.
     */
    UNAPPLIED_CASH,
    /** A bad-debt recovery: credited when a written-off receivable is reinstated because it is paid. */
    BAD_DEBT_RECOVERY;

    /** The category of an invoice line of this type (never TAX's receivable side). */
    public static JournalCategory of(LineType type) {
        return switch (type) {
            case RECURRING, USAGE, DISCOUNT -> REVENUE; // a discount lowers its plan's revenue
            // a returned-payment fee is booked as a one-time charge
            case ONE_TIME, NSF_FEE -> ONE_TIME;
            case CREDIT -> CREDIT;
            case LATE_FEE -> LATE_FEE;
            case TAX -> TAX_PAYABLE;
        };
    }
}
