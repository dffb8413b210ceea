package ca.isp.billing.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.demo.DemoCustomer.Tenure;
import ca.isp.billing.readers.OpeningBalanceFormat;

/**
 * The invoices of the old billing system still open when the ISP starts billing with us, drawn
 * from the balance stream, and opening-balances.csv.
 */
final class OpeningBalanceGenerator {

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final LocalDate cycleDate;
    private final SplittableRandom random;

    OpeningBalanceGenerator(LocalDate cycleDate, SplittableRandom random) {
        this.cycleDate = cycleDate;
        this.random = random;
    }

    /**
     * Last month's invoice still open for 60% of the long-standing due customers, and one more
     * from two months ago for a tenth of those (6% overall): they will become delinquent.
     */
    List<DemoOpenInvoice> invent(List<DemoCustomer> customers, List<DemoSubscription> subscriptions) {
        Map<String, List<DemoPlan>> plansByAccount = new TreeMap<>();
        for (DemoSubscription subscription : subscriptions) {
            plansByAccount.computeIfAbsent(subscription.customer().accountNumber(), key -> new ArrayList<>())
                    .add(subscription.plan());
        }
        List<DemoOpenInvoice> invoices = new ArrayList<>();
        for (DemoCustomer customer : customers) {
            if (!customer.due(cycleDate) || customer.tenure() != Tenure.LONG_STANDING || random.nextInt(100) >= 60) {
                continue;
            }
            List<DemoPlan> plans = plansByAccount.get(customer.accountNumber());
            List<DemoTaxRate> taxes = DemoCatalog.taxRatesFor(customer.serviceCity().country(),
                    customer.serviceCity().region());
            if (random.nextInt(100) < 10) {
                invoices.add(openInvoice(customer, cycleDate.minusMonths(2), plans, taxes, true, random));
            }
            invoices.add(openInvoice(customer, cycleDate.minusMonths(1), plans, taxes, false, random));
        }
        return invoices;
    }

    private static DemoOpenInvoice openInvoice(DemoCustomer customer, LocalDate invoiceDate, List<DemoPlan> plans,
                                           List<DemoTaxRate> taxes, boolean older, SplittableRandom random) {
        BigDecimal charges = BigDecimal.ZERO.setScale(2);
        for (DemoPlan plan : plans) {
            charges = charges.add(plan.monthlyPrice());
            if (plan.capped() && random.nextInt(100) < 25) {
                charges = charges.add(plan.overagePerGb().multiply(BigDecimal.valueOf(1 + random.nextInt(40))));
            }
            if (plan.perMinute() != null) {
                BigDecimal minutes = BigDecimal.valueOf(50 + random.nextInt(550));
                charges = charges.add(plan.perMinute().multiply(minutes).setScale(2, RoundingMode.HALF_UP));
            }
        }
        BigDecimal amount = withTax(charges, taxes);
        String invoiceNumber = customer.accountNumber() + "-" + invoiceDate.format(COMPACT_DATE);
        return new DemoOpenInvoice(customer, invoiceNumber, invoiceDate, invoiceDate.plusDays(21), amount, older);
    }

    /** Charges plus each tax rounded half up to the cent on its own, as an invoice shows them. */
    static BigDecimal withTax(BigDecimal charges, List<DemoTaxRate> taxes) {
        BigDecimal total = charges.setScale(2, RoundingMode.HALF_UP);
        for (DemoTaxRate tax : taxes) {
            total = total.add(charges.multiply(tax.rate()).setScale(2, RoundingMode.HALF_UP));
        }
        return total;
    }

    static void write(Path file, List<DemoOpenInvoice> invoices) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, OpeningBalanceFormat.INSTANCE.columns())) {
            for (DemoOpenInvoice invoice : invoices) {
                printer.printRecord(invoice.customer().accountNumber(), invoice.invoiceNumber(),
                        invoice.invoiceDate().toString(), invoice.dueDate().toString(), invoice.amount().toPlainString());
            }
        }
    }
}
