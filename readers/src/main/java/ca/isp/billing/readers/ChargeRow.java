package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the charges file: a one-time charge (amount > 0) or credit (amount < 0) of an
 * account, dated, with its invoice words in English and French (French defaults to English) and
 * an optional reason for operators.
 */
public record ChargeRow(String chargeRef, String accountNumber, LocalDate chargeDate, BigDecimal amount,
                        String descriptionEn, String descriptionFr, String reason) {
}
