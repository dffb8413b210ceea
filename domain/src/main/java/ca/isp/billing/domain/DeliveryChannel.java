package ca.isp.billing.domain;

import java.util.EnumSet;
import java.util.Set;

/** How an invoice leaves: a printed letter (print-to-mail) or an email. */
public enum DeliveryChannel {
    PRINT, EMAIL;

    /**
     * The channels an invoice goes out on: as the account asked, except that an account that
     * asked for email but has no address gets a letter, so no invoice goes nowhere.
     */
    public static Set<DeliveryChannel> forAccount(DeliveryPreference preference, boolean hasEmailAddress) {
        Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        if (preference != DeliveryPreference.EMAIL || !hasEmailAddress) {
            channels.add(PRINT);
        }
        if (preference.byEmail() && hasEmailAddress) {
            channels.add(EMAIL);
        }
        return channels;
    }
}
