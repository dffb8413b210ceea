package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

import ca.isp.billing.domain.TaxClass;

/**
 * One line of the quotes file: one line of a quote (its ref, account and date repeated on each),
 * with its words, amount and tax class, and the day the customer accepted it (null: not yet).
 */
public record QuoteRow(String quoteRef, String accountNumber, LocalDate quoteDate, int lineNo, String descriptionEn,
                       String descriptionFr, BigDecimal amount, TaxClass taxClass, LocalDate acceptedOn) {
}
