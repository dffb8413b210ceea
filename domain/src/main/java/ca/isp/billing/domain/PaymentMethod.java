package ca.isp.billing.domain;

import java.util.Locale;

/**
 * How a payment was made, as a deposit slip totals it. Payment files of the first format wrote
 * the method as free text (BANK, ...): a text that names none of these is kept as written and
 * totalled as "other" ({@link #of} gives null).
 */
public enum PaymentMethod {
    CHEQUE, CASH, WIRE, CARD,
    /** Pre-authorized debit. */
    PAD;

    /** The method a file's text names (case-insensitive, usual spellings), or null for any other text. */
    public static PaymentMethod of(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "CHEQUE", "CHECK", "CHQ" -> CHEQUE;
            case "CASH" -> CASH;
            case "WIRE", "WIRE_TRANSFER" -> WIRE;
            case "CARD", "CREDIT_CARD", "DEBIT_CARD" -> CARD;
            case "PAD", "PRE_AUTHORIZED_DEBIT", "PREAUTHORIZED_DEBIT" -> PAD;
            default -> null;
        };
    }
}
