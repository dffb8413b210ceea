package ca.isp.billing.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.readers.PaymentFormat;

/**
 * The bank's payment batch for the days before the cycle, drawn from the payment stream: open
 * invoices paid in full or in part, and the lines the payment job must reject.
 */
final class PaymentGenerator {

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Lines written: well-formed payments (the one to the unknown account included), malformed lines. */
    record Counts(int payments, int malformed) {
    }

    /** A payment of one open invoice, before it gets its line and reference in the batch. */
    private record DemoPayment(String accountNumber, LocalDate receivedOn, String amount, String method) {
    }

    private final LocalDate cycleDate;
    private final SplittableRandom random;

    PaymentGenerator(LocalDate cycleDate, SplittableRandom random) {
        this.cycleDate = cycleDate;
        this.random = random;
    }

    /**
     * Pays 70% of the open invoices in full and 10% in part; the older invoices and the other
     * invoice of the same account stay unpaid.
     */
    Counts write(Path file, List<DemoOpenInvoice> invoices, List<DemoCustomer> customers) throws IOException {
        Set<String> delinquent = new HashSet<>();
        for (DemoOpenInvoice invoice : invoices) {
            if (invoice.older()) {
                delinquent.add(invoice.customer().accountNumber());
            }
        }
        List<DemoOpenInvoice> payable = invoices.stream()
                .filter(invoice -> !delinquent.contains(invoice.customer().accountNumber()))
                .toList();
        int paidInFull = (int) Math.round(invoices.size() * 0.70);
        int paidInPart = (int) Math.round(invoices.size() * 0.10);
        if (paidInFull + paidInPart > payable.size()) {
            // many delinquent accounts this time: shrink both groups, keeping their proportion
            paidInPart = (int) Math.round((double) paidInPart * payable.size() / (paidInFull + paidInPart));
            paidInFull = payable.size() - paidInPart;
        }
        int[] order = shuffledIndexes(payable.size(), random);

        List<DemoPayment> payments = new ArrayList<>();
        for (int i = 0; i < paidInFull + paidInPart; i++) {
            DemoOpenInvoice invoice = payable.get(order[i]);
            BigDecimal amount = invoice.amount();
            if (i >= paidInFull) {
                // a round part of the bill, at least a dollar, never all of it
                BigDecimal part = amount.multiply(BigDecimal.valueOf(25 + random.nextInt(51)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                amount = part.max(BigDecimal.ONE).min(amount.subtract(new BigDecimal("0.01"))).setScale(2);
            }
            payments.add(new DemoPayment(invoice.customer().accountNumber(), receivedOn(invoice),
                    amount.toPlainString(), method()));
        }
        payments.sort(Comparator.comparing(DemoPayment::receivedOn).thenComparing(DemoPayment::accountNumber));

        LocalDate lastDay = cycleDate.minusDays(1);
        DemoCustomer someone = customers.get(random.nextInt(customers.size()));
        List<String[]> lines = new ArrayList<>();
        for (DemoPayment payment : payments) {
            lines.add(new String[] {payment.accountNumber(), payment.receivedOn().toString(), payment.amount(),
                payment.method()});
        }
        // two lines the job must reject, one payment to an account that does not exist
        insert(lines, lines.size() / 3, new String[] {someone.accountNumber(), dateNear(lines, lines.size() / 3, lastDay),
            "12.345", "BANK"});
        insert(lines, lines.size() / 2, new String[] {DemoIspGenerator.UNKNOWN_ACCOUNT,
            dateNear(lines, lines.size() / 2, lastDay), "75.00", "CHEQUE"});
        insert(lines, 2 * lines.size() / 3, new String[] {"", dateNear(lines, 2 * lines.size() / 3, lastDay),
            "50.00", "CARD"});

        // the first format's five columns: the demo's bank sends no batches, cheque numbers or reversals
        try (CSVPrinter printer = DemoCsv.printer(file, PaymentFormat.INSTANCE.columns().subList(0, 5))) {
            String prefix = "PMT-" + cycleDate.format(COMPACT_DATE);
            for (int i = 0; i < lines.size(); i++) {
                String[] line = lines.get(i);
                printer.printRecord(prefix + DemoPlaces.pad(i + 1, 6), line[0], line[1], line[2], line[3]);
            }
        }
        return new Counts(payments.size() + 1, 2);
    }

    private LocalDate receivedOn(DemoOpenInvoice invoice) {
        LocalDate lastDay = cycleDate.minusDays(1);
        LocalDate first = invoice.invoiceDate().plusDays(2);
        LocalDate onTime = min(invoice.dueDate(), lastDay);
        if (random.nextInt(100) < 15 && invoice.dueDate().isBefore(lastDay)) {
            first = invoice.dueDate().plusDays(1);
            onTime = lastDay;
        }
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, onTime) + 1));
    }

    private String method() {
        int draw = random.nextInt(100);
        return draw < 50 ? "BANK" : draw < 85 ? "CARD" : "CHEQUE";
    }

    private static String dateNear(List<String[]> lines, int index, LocalDate fallback) {
        return lines.isEmpty() ? fallback.toString() : lines.get(Math.min(index, lines.size() - 1))[1];
    }

    private static void insert(List<String[]> lines, int index, String[] line) {
        lines.add(Math.min(index, lines.size()), line);
    }

    private static int[] shuffledIndexes(int size, SplittableRandom random) {
        int[] indexes = new int[size];
        for (int i = 0; i < size; i++) {
            indexes[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
        }
        return indexes;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
