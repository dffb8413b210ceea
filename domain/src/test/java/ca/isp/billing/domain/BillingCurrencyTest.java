package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BillingCurrencyTest {

    @Test
    void aUsBillingAddressIsBilledInUsDollars() {
        assertThat(BillingCurrency.forBillingCountry("US")).isEqualTo(BillingCurrency.USD);
    }

    @Test
    void everyOtherBillingAddressIsBilledInCanadianDollars() {
        assertThat(BillingCurrency.forBillingCountry("CA")).isEqualTo(BillingCurrency.CAD);
        // Countries are stored upper case by the account import; anything else is not the US.
        assertThat(BillingCurrency.forBillingCountry("FR")).isEqualTo(BillingCurrency.CAD);
    }
}
