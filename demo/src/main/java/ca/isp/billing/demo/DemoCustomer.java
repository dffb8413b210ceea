package ca.isp.billing.demo;

import java.time.LocalDate;

import ca.isp.billing.demo.DemoPlaces.City;
import ca.isp.billing.domain.DeliveryPreference;

/** A customer of the demo ISP: one row of accounts.csv, plus since when it has been with us. */
record DemoCustomer(String accountNumber, String name, boolean commercial, String language, String email,
                    DeliveryPreference delivery, City billingCity, String billingLine1, String billingLine2,
                    String billingPostalCode, City serviceCity, String serviceLine1, String servicePostalCode,
                    LocalDate nextBillDate, Tenure tenure, LocalDate since) {

    /** How long a customer has been with us, which decides its start date and its old invoices. */
    enum Tenure { LONG_STANDING, JOINED_LAST_MONTH, STARTS_THIS_PERIOD }

    boolean due(LocalDate cycleDate) {
        return !nextBillDate.isAfter(cycleDate);
    }
}
