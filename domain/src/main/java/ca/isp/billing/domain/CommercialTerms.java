package ca.isp.billing.domain;

import java.util.List;

/**
 * What an account has agreed apart from the price list: contract prices of its subscriptions,
 * its discounts as they are now, and what each discount took off the terms billed before.
 */
public record CommercialTerms(List<PriceOverride> overrides, List<Discount> discounts, List<DiscountItem> discountsBilled) {

    /** The price list alone. */
    public static final CommercialTerms NONE = new CommercialTerms(List.of(), List.of(), List.of());

    public CommercialTerms {
        overrides = List.copyOf(overrides);
        discounts = List.copyOf(discounts);
        discountsBilled = List.copyOf(discountsBilled);
    }
}
