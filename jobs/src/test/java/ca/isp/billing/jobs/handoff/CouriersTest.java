package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.Language;

/** Which courier takes a row: by channel, and for letters by the billing country as configured. */
class CouriersTest {

    private static final Courier PRINT = named("lob");
    private static final Courier EMAIL = named("smtp");
    private static final Courier VENDOR = named("mail-vendor");
    private static final Address FRANCE = new Address("1 rue de Rivoli", null, "Paris", null, "", "75001", "FR");

    @Test
    void lettersGoToThePrintCourierExceptToTheVendorsCountries() {
        Couriers couriers = new Couriers(PRINT, EMAIL, VENDOR, List.of("CA"));

        assertThat(couriers.forDelivery(letter(Letters.VERMONT))).isSameAs(PRINT);
        assertThat(couriers.forDelivery(letter(FRANCE))).isSameAs(PRINT);
        assertThat(couriers.forDelivery(letter(Letters.QUEBEC))).isSameAs(VENDOR);
        assertThat(couriers.forDelivery(Letters.delivery("F-1", DeliveryChannel.EMAIL, "Hélène Côté", Letters.QUEBEC,
                "helene@example.ca", Language.FR, 1))).isSameAs(EMAIL);
    }

    @Test
    void theCountriesAreASetting() {
        Couriers couriers = new Couriers(PRINT, EMAIL, VENDOR, List.of("CA", "FR"));

        assertThat(couriers.forDelivery(letter(FRANCE))).isSameAs(VENDOR);
        assertThat(new Couriers(PRINT, EMAIL, VENDOR, List.of()).forDelivery(letter(Letters.QUEBEC))).isSameAs(PRINT);
    }

    @Test
    void everyCourierInUseIsOpenedOnce() {
        Couriers files = new Couriers(VENDOR, named("eml"), VENDOR, List.of("CA"));

        assertThat(files.all()).extracting(Courier::name).containsExactly("mail-vendor", "eml");
    }

    private static DeliveryToSend letter(Address to) {
        return Letters.delivery("F-1", DeliveryChannel.PRINT, "Ethan Allen", to, null, Language.EN, 1);
    }

    private static Courier named(String name) {
        return new Courier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Handover handOver(DeliveryToSend delivery, byte[] pdf) {
                return new Handover.Sent(name);
            }
        };
    }
}
