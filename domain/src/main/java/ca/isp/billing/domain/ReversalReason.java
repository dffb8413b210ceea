package ca.isp.billing.domain;

/**
 * Why a payment came back. A cheque or a pre-authorized debit returned by the bank is NSF (non
 * sufficient funds) and may cost the customer a fee; a card payment taken back is a chargeback,
 * which does not.
 */
public enum ReversalReason {
    NSF, CHARGEBACK;

    /** The reason when the line gives none: a card payment is charged back, anything else returns NSF. */
    public static ReversalReason defaultFor(String originalMethod) {
        return PaymentMethod.of(originalMethod) == PaymentMethod.CARD ? CHARGEBACK : NSF;
    }

    public boolean chargesFee() {
        return this == NSF;
    }
}
