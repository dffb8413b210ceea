package ca.isp.billing.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.demo.DemoCustomer.Tenure;
import ca.isp.billing.demo.DemoPlaces.City;
import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.readers.AccountFormat;

/** The ISP's customers, drawn from the customer stream, and accounts.csv. */
final class CustomerGenerator {

    static final int FIRST_ACCOUNT = 100_001;

    /**
     * The accounts file's columns but service_line2 (the demo's service addresses fit on one line)
     * bill_day_from (no demo account changes its bill day) and penalty_class (the demo's accounts
     * pay the company default).
     */
    private static final List<String> COLUMNS = AccountFormat.INSTANCE.columns().stream()
            .filter(column -> !column.equals("service_line2") && !column.equals("bill_day_from")
                    && !column.equals("penalty_class"))
            .toList();

    private final LocalDate cycleDate;
    private final SplittableRandom random;

    CustomerGenerator(LocalDate cycleDate, SplittableRandom random) {
        this.cycleDate = cycleDate;
        this.random = random;
    }

    /** The customers, account numbers from FIRST_ACCOUNT on, in that order. */
    List<DemoCustomer> invent(int accounts) {
        List<DemoCustomer> customers = new ArrayList<>(accounts);
        Map<String, Integer> emailsTaken = new HashMap<>();
        LocalDate lastMonth = cycleDate.minusMonths(1);
        int daysLastMonth = (int) ChronoUnit.DAYS.between(lastMonth, cycleDate);
        for (int i = 0; i < accounts; i++) {
            String number = Integer.toString(FIRST_ACCOUNT + i);
            City home = DemoPlaces.homeCity(random);
            boolean commercial = random.nextInt(100) < 15;
            boolean french = switch (home.region()) {
                case "QC" -> random.nextInt(100) < 85;
                case "ON" -> random.nextInt(100) < 5; // Franco-Ontarians, mostly around Ottawa
                default -> false;
            };
            String name = commercial
                    ? DemoNames.company(random, french, !home.canadian())
                    : DemoNames.person(random, french);

            int deliveryDraw = random.nextInt(100);
            DeliveryPreference delivery = deliveryDraw < 55 ? DeliveryPreference.EMAIL
                    : deliveryDraw < 85 ? DeliveryPreference.MAIL : DeliveryPreference.BOTH;
            boolean hasEmail = delivery != DeliveryPreference.MAIL || random.nextInt(100) < 40;
            String email = hasEmail ? email(name, home, emailsTaken) : "";

            String billingLine1 = DemoPlaces.streetLine(random, home);
            String billingLine2 = DemoPlaces.unitLine(random, home, commercial);
            String billingPostal = DemoPlaces.postalCode(random, home);

            City serviceCity = home;
            String serviceLine1 = billingLine1;
            String servicePostal = billingPostal;
            if (random.nextInt(100) < 5) {
                // a cottage for a family, a branch office for a business
                serviceCity = commercial ? DemoPlaces.branchCity(random, home) : DemoPlaces.cottage(random, home.region());
                serviceLine1 = DemoPlaces.streetLine(random, serviceCity);
                servicePostal = DemoPlaces.postalCode(random, serviceCity);
            }

            boolean due = random.nextInt(100) < 96;
            LocalDate nextBillDate = due ? cycleDate : cycleDate.plusDays(14);
            Tenure tenure = Tenure.LONG_STANDING;
            LocalDate since = cycleDate.minusDays(365 + random.nextInt(4 * 365));
            if (due) {
                int tenureDraw = random.nextInt(100);
                if (tenureDraw < 2) {
                    tenure = Tenure.STARTS_THIS_PERIOD;
                    since = cycleDate.plusDays(5 + random.nextInt(21));
                } else if (tenureDraw < 5) {
                    tenure = Tenure.JOINED_LAST_MONTH;
                    since = lastMonth.plusDays(1 + random.nextInt(daysLastMonth - 1));
                    // a new customer's next bill date is the day service started (docs/FILE-FORMATS.md):
                    // billed from there, on that day of the month, its first days are not lost
                    nextBillDate = since;
                }
            }
            customers.add(new DemoCustomer(number, name, commercial, french ? "fr" : "en", email, delivery, home,
                    billingLine1, billingLine2, billingPostal, serviceCity, serviceLine1, servicePostal,
                    nextBillDate, tenure, since));
        }
        return customers;
    }

    /** "helene.cote@example.ca"; the second Hélène Côté gets "helene.cote2@example.ca". */
    private static String email(String name, City home, Map<String, Integer> taken) {
        String local = DemoNames.emailLocalPart(name);
        String domain = home.canadian() ? "@example.ca" : "@example.com";
        int count = taken.merge(local + domain, 1, Integer::sum);
        return count == 1 ? local + domain : local + count + domain;
    }

    static void write(Path file, List<DemoCustomer> customers) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, COLUMNS)) {
            for (DemoCustomer c : customers) {
                City billing = c.billingCity();
                City service = c.serviceCity();
                printer.printRecord(c.accountNumber(), c.name(), c.commercial() ? "COMMERCIAL" : "RESIDENTIAL",
                        c.language(), c.email(), c.delivery(), c.billingLine1(), c.billingLine2(), billing.name(),
                        billing.region(), c.billingPostalCode(), billing.country(), c.serviceLine1(), service.name(),
                        service.county(), service.region(), c.servicePostalCode(), service.country(),
                        c.nextBillDate().toString(), Integer.toString(c.nextBillDate().getDayOfMonth()));
            }
        }
    }
}
