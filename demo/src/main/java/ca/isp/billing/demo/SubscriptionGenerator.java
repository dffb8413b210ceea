package ca.isp.billing.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.demo.DemoCustomer.Tenure;
import ca.isp.billing.readers.SubscriptionFormat;

/**
 * What each customer subscribes to, drawn from the subscription stream: one internet plan,
 * phone lines for about a third, a few cancellations; and subscriptions.csv.
 */
final class SubscriptionGenerator {

    private final LocalDate cycleDate;
    private final SplittableRandom random;

    SubscriptionGenerator(LocalDate cycleDate, SplittableRandom random) {
        this.cycleDate = cycleDate;
        this.random = random;
    }

    /** The subscriptions of each customer in turn: internet first, then any phone lines. */
    List<DemoSubscription> invent(List<DemoCustomer> customers) {
        List<DemoSubscription> subscriptions = new ArrayList<>(customers.size() * 3 / 2);
        Set<String> phoneNumbers = new HashSet<>();
        for (DemoCustomer customer : customers) {
            DemoPlan internet = customer.commercial() ? DemoCatalog.BUSINESS_500 : residentialInternet();
            LocalDate end = cancellation(customer, internet);
            int n = 1;
            subscriptions.add(new DemoSubscription("S" + customer.accountNumber() + "-" + n++, customer, internet,
                    "u" + customer.accountNumber() + "@nli.example", customer.since(), end));

            if (random.nextInt(100) < 35) {
                int lines = customer.commercial() && random.nextInt(100) < 30 ? 2 : 1;
                DemoPlan phone = customer.commercial() ? DemoCatalog.BUSINESS_PHONE : DemoCatalog.HOME_PHONE;
                for (int line = 0; line < lines; line++) {
                    String number;
                    do {
                        number = DemoPlaces.phoneNumber(random, customer.serviceCity());
                    } while (!phoneNumbers.add(number));
                    LocalDate start = customer.since();
                    if (customer.tenure() == Tenure.LONG_STANDING && random.nextBoolean()) {
                        // the phone line was added some time after the internet service
                        long span = ChronoUnit.DAYS.between(start, cycleDate.minusDays(40));
                        start = start.plusDays(random.nextLong(span));
                    }
                    subscriptions.add(new DemoSubscription("S" + customer.accountNumber() + "-" + n++, customer, phone,
                            number, start, end));
                }
            }
        }
        return subscriptions;
    }

    private DemoPlan residentialInternet() {
        int draw = random.nextInt(100);
        if (draw < 35) {
            return DemoCatalog.ESSENTIAL_50;
        }
        if (draw < 70) {
            return DemoCatalog.FIBRE_300;
        }
        return draw < 90 ? DemoCatalog.FIBRE_1000 : DemoCatalog.FIBRE_300_QUARTERLY;
    }

    /**
     * The last day of service when the customer has cancelled: inside the coming period, so its
     * last charge is prorated. 1% of monthly customers, 2% of quarterly ones.
     */
    private LocalDate cancellation(DemoCustomer customer, DemoPlan internet) {
        if (customer.tenure() != Tenure.LONG_STANDING || !customer.due(cycleDate)) {
            return null;
        }
        int percent = internet.periodMonths() > 1 ? 2 : 1;
        if (random.nextInt(100) >= percent) {
            return null;
        }
        LocalDate periodEnd = cycleDate.plusMonths(internet.periodMonths());
        long days = ChronoUnit.DAYS.between(cycleDate, periodEnd);
        return cycleDate.plusDays(3 + random.nextLong(days - 5));
    }

    /** The subscriptions file's columns up to quantity: no demo subscription has changed plan or been suspended. */
    private static final List<String> COLUMNS = SubscriptionFormat.INSTANCE.columns().subList(0,
            SubscriptionFormat.INSTANCE.columns().indexOf("quantity") + 1);

    static void write(Path file, List<DemoSubscription> subscriptions) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, COLUMNS)) {
            for (DemoSubscription s : subscriptions) {
                printer.printRecord(s.id(), s.customer().accountNumber(), s.plan().code(), s.serviceId(),
                        s.start().toString(), s.end() == null ? "" : s.end().toString(), "1");
            }
        }
    }
}
