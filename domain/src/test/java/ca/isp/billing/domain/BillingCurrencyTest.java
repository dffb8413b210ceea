package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BillingCurrencyTest {

    @Test
    void aUsServiceAddressIsBilledInUsDollars() {
        // a Maine service billed to a Quebec mailing address: the service address decides
        assertThat(BillingCurrency.forServiceCountry("US")).isEqualTo(BillingCurrency.USD);
    }

    @Test
    void everyOtherServiceAddressIsBilledInCanadianDollars() {
        assertThat(BillingCurrency.forServiceCountry("CA")).isEqualTo(BillingCurrency.CAD);
        // Countries are stored upper case by the account import; anything else is not the US.
        assertThat(BillingCurrency.forServiceCountry("FR")).isEqualTo(BillingCurrency.CAD);
    }
}
