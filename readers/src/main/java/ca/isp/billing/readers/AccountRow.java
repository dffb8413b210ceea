package ca.isp.billing.readers;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;

import java.time.LocalDate;

/**
 * One line of the accounts file. Email is null when not given; the billing address has no county.
 * billDay is the day of the month the account is billed on (null when not given: a new account
 * is billed on the day of nextBillDate, an existing one keeps its day); billDayFrom, when given,
 * is the date a new bill day of an existing account takes effect. penaltyClass is the code of its
 * penalty class (null: the company default).
 */
public record AccountRow(String accountNumber, String name, CustomerType customerType, Language language,
                         String email, DeliveryPreference delivery, Address billingAddress, Address serviceAddress,
                         LocalDate nextBillDate, Integer billDay, LocalDate billDayFrom, String penaltyClass) {

    /** An account on the company's default penalty class. */
    public AccountRow(String accountNumber, String name, CustomerType customerType, Language language,
                      String email, DeliveryPreference delivery, Address billingAddress, Address serviceAddress,
                      LocalDate nextBillDate, Integer billDay, LocalDate billDayFrom) {
        this(accountNumber, name, customerType, language, email, delivery, billingAddress, serviceAddress,
                nextBillDate, billDay, billDayFrom, null);
    }

    /** An account without a bill day in the file. */
    public AccountRow(String accountNumber, String name, CustomerType customerType, Language language,
                      String email, DeliveryPreference delivery, Address billingAddress, Address serviceAddress,
                      LocalDate nextBillDate) {
        this(accountNumber, name, customerType, language, email, delivery, billingAddress, serviceAddress,
                nextBillDate, null, null);
    }
}
