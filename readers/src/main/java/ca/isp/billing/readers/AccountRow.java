package ca.isp.billing.readers;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;

import java.time.LocalDate;

/** One line of the accounts file. Email is null when not given; the billing address has no county. */
public record AccountRow(String accountNumber, String name, CustomerType customerType, Language language,
                         String email, DeliveryPreference delivery, Address billingAddress, Address serviceAddress,
                         LocalDate nextBillDate) {
}
