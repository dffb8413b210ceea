package ca.isp.billing.domain;

import static ca.isp.billing.domain.DeliveryChannel.EMAIL;
import static ca.isp.billing.domain.DeliveryChannel.PRINT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryChannelTest {

    @Test
    void mailIsALetterWithOrWithoutAnAddress() {
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.MAIL, true)).containsExactly(PRINT);
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.MAIL, false)).containsExactly(PRINT);
    }

    @Test
    void emailIsAnEmailWhenThereIsAnAddress() {
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.EMAIL, true)).containsExactly(EMAIL);
    }

    @Test
    void emailWithoutAnAddressBecomesALetter() {
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.EMAIL, false)).containsExactly(PRINT);
    }

    @Test
    void bothIsBothWhenThereIsAnAddressOtherwiseALetter() {
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.BOTH, true)).containsExactly(PRINT, EMAIL);
        assertThat(DeliveryChannel.forAccount(DeliveryPreference.BOTH, false)).containsExactly(PRINT);
    }
}
