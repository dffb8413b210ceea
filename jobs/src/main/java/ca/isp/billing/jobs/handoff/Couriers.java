package ca.isp.billing.jobs.handoff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ca.isp.billing.domain.DeliveryChannel;

/**
 * Which courier takes an outbox row, as configured: emails to the email courier (SMTP or .eml
 * files), letters to the print courier (Lob or the mail-vendor batch), except letters to the
 * countries the settings send to the mail-vendor batch whatever the print courier is.
 */
public class Couriers {

    private final Courier print;
    private final Courier email;
    private final Courier mailVendor;
    private final Set<String> mailVendorCountries;

    public Couriers(Courier print, Courier email, Courier mailVendor, List<String> mailVendorCountries) {
        this.print = print;
        this.email = email;
        this.mailVendor = mailVendor;
        this.mailVendorCountries = Set.copyOf(mailVendorCountries);
    }

    public Courier forDelivery(DeliveryToSend delivery) {
        if (delivery.channel() == DeliveryChannel.EMAIL) {
            return email;
        }
        return mailVendorCountries.contains(delivery.billingAddress().country()) ? mailVendor : print;
    }

    /** Every courier in use, each once. */
    public Set<Courier> all() {
        Set<Courier> all = new LinkedHashSet<>();
        all.add(print);
        all.add(email);
        all.add(mailVendor);
        return all;
    }
}
