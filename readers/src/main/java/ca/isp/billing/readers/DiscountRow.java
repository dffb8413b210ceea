package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

import ca.isp.billing.domain.DiscountKind;

/**
 * One line of the discounts file: a percentage or a fixed amount off each term of one
 * subscription's plans ({@code subscriptionId}) or of all the account's (null), from
 * {@code startDate} to {@code endDate} inclusive (null: open-ended), with a reason for operators.
 */
public record DiscountRow(String discountRef, String accountNumber, String subscriptionId, DiscountKind kind,
                          BigDecimal value, LocalDate startDate, LocalDate endDate, String reason) {
}
