package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the subscription-prices file: a subscription's own price of a whole term of a plan, from a date. */
public record SubscriptionPriceRow(String subscriptionId, String planCode, LocalDate priceFrom, BigDecimal termPrice) {
}
