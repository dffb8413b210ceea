package ca.isp.billing.domain;

/**
 * What an account ledger entry records. Positive amounts are owed (an invoice, an opening
 * balance taken over from the previous system), negative ones are paid.
 */
public enum LedgerEntryType {
    INVOICE, OPENING_BALANCE, PAYMENT,
    /** An issued invoice voided by the review gate: minus its total, so the balance is as before it. */
    CREDIT_NOTE,
    /** An uncollectable invoice written off (WriteOffPolicy): minus what was left open on it. */
    WRITE_OFF,
    /** A payment returned (NSF cheque, chargeback): plus its amount, owed again. */
    REVERSAL,
    /**
     * A bad-debt recovery: a payment on a written-off account paid written-off invoices (BadDebtRecovery);
     * plus what it recovered, the debt reinstated, under the payment's reference (its PAYMENT entry takes it off).
     */
    RECOVERY,
    /** A closed account's credit paid back to the customer (FinalSettlement): plus its amount. */
    REFUND
}
