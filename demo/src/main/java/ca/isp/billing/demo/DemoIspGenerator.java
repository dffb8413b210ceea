package ca.isp.billing.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.demo.DemoCatalog.Plan;
import ca.isp.billing.demo.DemoCatalog.TaxRate;
import ca.isp.billing.demo.DemoPlaces.City;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.PaymentFormat;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.TaxRateFormat;

/**
 * Invents Northern Lights Internet, a small ISP in Quebec, Ontario, British Columbia and four
 * US states, and writes its reference data, one month of usage and a payment batch as the CSV
 * files of docs/FILE-FORMATS.md. The same seed and arguments give byte-identical files.
 */
public final class DemoIspGenerator {

    public static final String COMPANY_NAME = "Northern Lights Internet";
    /** Lines per usage file, header included, before the export is split into parts. */
    public static final int MAX_USAGE_FILE_LINES = 200_000;
    /** An account number that is never issued: the payment made to it must be rejected. */
    public static final String UNKNOWN_ACCOUNT = "999999";

    static final int FIRST_ACCOUNT = 100_001;
    /** 2^30 bytes. Over-allowance customers are over in GiB, so they are over in 10^9-byte GB too. */
    static final long GIB = 1L << 30;
    /** 10^9 bytes. Under-allowance customers stay under 90% of this, so under in GiB too. */
    static final long GB = 1_000_000_000L;

    /** The accounts file's columns but service_line2: the demo's service addresses fit on one line. */
    static final List<String> ACCOUNT_COLUMNS = AccountFormat.INSTANCE.columns().stream()
            .filter(column -> !column.equals("service_line2"))
            .toList();

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MALFORMED_KINDS = 6;

    /**
     * What was written. usageRecords are the well-formed records of known services (the one
     * duplicate included); the usage files hold usageRecords + malformedUsageLines +
     * unknownServiceUsage lines under their headers. payments are the well-formed payment
     * lines (the one to unknown account 999999 included).
     */
    public record Summary(int accounts, int dueAccounts, int subscriptions, int usageRecords,
                          int malformedUsageLines, int unknownServiceUsage, int openingBalances, int payments,
                          int malformedPaymentLines) {
    }

    /** How long a customer has been with us, which decides its start date and its old invoices. */
    enum Tenure { LONG_STANDING, JOINED_LAST_MONTH, STARTS_THIS_PERIOD }

    record Customer(String accountNumber, String name, boolean commercial, String language, String email,
                    String delivery, City billingCity, String billingLine1, String billingLine2,
                    String billingPostalCode, City serviceCity, String serviceLine1, String servicePostalCode,
                    LocalDate nextBillDate, Tenure tenure, LocalDate since) {

        boolean due(LocalDate cycleDate) {
            return !nextBillDate.isAfter(cycleDate);
        }
    }

    record Subscription(String id, Customer customer, Plan plan, String serviceId, LocalDate start,
                        LocalDate end) {
    }

    record OpenInvoice(Customer customer, String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate,
                       BigDecimal amount, boolean older) {
    }

    record Payment(String accountNumber, LocalDate receivedOn, String amount, String method) {
    }

    private final long seed;
    private final int accounts;
    private final LocalDate cycleDate;
    private final int maxUsageFileLines;

    public DemoIspGenerator(long seed, int accounts, LocalDate cycleDate) {
        this(seed, accounts, cycleDate, MAX_USAGE_FILE_LINES);
    }

    /** For tests: a smaller split size shows the usage export in several parts. */
    DemoIspGenerator(long seed, int accounts, LocalDate cycleDate, int maxUsageFileLines) {
        int maxAccounts = Integer.parseInt(UNKNOWN_ACCOUNT) - FIRST_ACCOUNT;
        if (accounts < 1 || accounts > maxAccounts) {
            throw new IllegalArgumentException("accounts must be between 1 and " + maxAccounts + ": " + accounts);
        }
        if (maxUsageFileLines < 2) {
            throw new IllegalArgumentException("maxUsageFileLines must be at least 2: " + maxUsageFileLines);
        }
        this.seed = seed;
        this.accounts = accounts;
        this.cycleDate = Objects.requireNonNull(cycleDate, "cycleDate");
        this.maxUsageFileLines = maxUsageFileLines;
    }

    /** Writes the reference files, the usage export and the payment batch; returns what they hold. */
    public Summary generate(Path referenceDir, Path usageInboxDir, Path paymentInboxDir) throws IOException {
        Files.createDirectories(referenceDir);
        Files.createDirectories(usageInboxDir);
        Files.createDirectories(paymentInboxDir);

        // one stream per kind of data, so adding a column to one file does not reshuffle the others
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom customerRandom = master.split();
        SplittableRandom subscriptionRandom = master.split();
        SplittableRandom balanceRandom = master.split();
        SplittableRandom usageRandom = master.split();
        SplittableRandom paymentRandom = master.split();

        List<Customer> customers = inventCustomers(customerRandom);
        List<Subscription> subscriptions = inventSubscriptions(customers, subscriptionRandom);
        List<OpenInvoice> openInvoices = inventOpenInvoices(customers, subscriptions, balanceRandom);

        writeAccounts(referenceDir.resolve("accounts.csv"), customers);
        writePlans(referenceDir.resolve("plans.csv"));
        writeSubscriptions(referenceDir.resolve("subscriptions.csv"), subscriptions);
        writeTaxRates(referenceDir.resolve("tax-rates.csv"));
        writeOpeningBalances(referenceDir.resolve("opening-balances.csv"), openInvoices);
        int[] usage = writeUsage(usageInboxDir, subscriptions, usageRandom);
        int[] payments = writePayments(paymentInboxDir.resolve("payments-" + cycleDate + ".csv"), openInvoices,
                customers, paymentRandom);

        int due = (int) customers.stream().filter(customer -> customer.due(cycleDate)).count();
        return new Summary(customers.size(), due, subscriptions.size(), usage[0], usage[1], usage[2],
                openInvoices.size(), payments[0], payments[1]);
    }

    // ---------------------------------------------------------------- customers

    private List<Customer> inventCustomers(SplittableRandom random) {
        List<Customer> customers = new ArrayList<>(accounts);
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
            String delivery = deliveryDraw < 55 ? "EMAIL" : deliveryDraw < 85 ? "MAIL" : "BOTH";
            boolean hasEmail = !"MAIL".equals(delivery) || random.nextInt(100) < 40;
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
                }
            }
            customers.add(new Customer(number, name, commercial, french ? "fr" : "en", email, delivery, home,
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

    // ---------------------------------------------------------------- subscriptions

    private List<Subscription> inventSubscriptions(List<Customer> customers, SplittableRandom random) {
        List<Subscription> subscriptions = new ArrayList<>(customers.size() * 3 / 2);
        Set<String> phoneNumbers = new HashSet<>();
        for (Customer customer : customers) {
            Plan internet = customer.commercial() ? DemoCatalog.BUSINESS_500 : residentialInternet(random);
            LocalDate end = cancellation(customer, internet, random);
            int n = 1;
            subscriptions.add(new Subscription("S" + customer.accountNumber() + "-" + n++, customer, internet,
                    "u" + customer.accountNumber() + "@nli.example", customer.since(), end));

            if (random.nextInt(100) < 35) {
                int lines = customer.commercial() && random.nextInt(100) < 30 ? 2 : 1;
                Plan phone = customer.commercial() ? DemoCatalog.BUSINESS_PHONE : DemoCatalog.HOME_PHONE;
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
                    subscriptions.add(new Subscription("S" + customer.accountNumber() + "-" + n++, customer, phone,
                            number, start, end));
                }
            }
        }
        return subscriptions;
    }

    private static Plan residentialInternet(SplittableRandom random) {
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
    private LocalDate cancellation(Customer customer, Plan internet, SplittableRandom random) {
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

    // ---------------------------------------------------------------- opening balances

    /**
     * Last month's invoice still open for 60% of the long-standing due customers, and one more
     * from two months ago for a tenth of those (6% overall): they will become delinquent.
     */
    private List<OpenInvoice> inventOpenInvoices(List<Customer> customers, List<Subscription> subscriptions,
                                                 SplittableRandom random) {
        Map<String, List<Plan>> plansByAccount = new TreeMap<>();
        for (Subscription subscription : subscriptions) {
            plansByAccount.computeIfAbsent(subscription.customer().accountNumber(), key -> new ArrayList<>())
                    .add(subscription.plan());
        }
        List<OpenInvoice> invoices = new ArrayList<>();
        for (Customer customer : customers) {
            if (!customer.due(cycleDate) || customer.tenure() != Tenure.LONG_STANDING || random.nextInt(100) >= 60) {
                continue;
            }
            List<Plan> plans = plansByAccount.get(customer.accountNumber());
            List<TaxRate> taxes = DemoCatalog.taxRatesFor(customer.serviceCity().country(),
                    customer.serviceCity().region());
            if (random.nextInt(100) < 10) {
                invoices.add(openInvoice(customer, cycleDate.minusMonths(2), plans, taxes, true, random));
            }
            invoices.add(openInvoice(customer, cycleDate.minusMonths(1), plans, taxes, false, random));
        }
        return invoices;
    }

    private static OpenInvoice openInvoice(Customer customer, LocalDate invoiceDate, List<Plan> plans,
                                           List<TaxRate> taxes, boolean older, SplittableRandom random) {
        BigDecimal charges = BigDecimal.ZERO.setScale(2);
        for (Plan plan : plans) {
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
        return new OpenInvoice(customer, invoiceNumber, invoiceDate, invoiceDate.plusDays(21), amount, older);
    }

    /** Charges plus each tax rounded half up to the cent on its own, as an invoice shows them. */
    static BigDecimal withTax(BigDecimal charges, List<TaxRate> taxes) {
        BigDecimal total = charges.setScale(2, RoundingMode.HALF_UP);
        for (TaxRate tax : taxes) {
            total = total.add(charges.multiply(tax.rate()).setScale(2, RoundingMode.HALF_UP));
        }
        return total;
    }

    // ---------------------------------------------------------------- usage

    /**
     * Last month's sessions and calls, account by account, with a few malformed lines and
     * records of unknown services spread through, and one record sent twice at the end.
     * Returns {usageRecords, malformedUsageLines, unknownServiceUsage}.
     */
    private int[] writeUsage(Path directory, List<Subscription> subscriptions, SplittableRandom random)
            throws IOException {
        UsageRun run = new UsageRun(random);
        try (DemoUsageFiles files = new DemoUsageFiles(directory, "usage-" + cycleDate, maxUsageFileLines)) {
            int half = subscriptions.size() / 2;
            for (int i = 0; i < subscriptions.size(); i++) {
                for (String[] record : run.recordsOf(subscriptions.get(i))) {
                    files.print(record);
                    run.records++;
                    if (run.duplicate == null && i >= half && "DATA".equals(record[3])) {
                        run.duplicate = record;
                    }
                    if (random.nextInt(1000) < 5) {
                        files.print(run.malformed(record));
                    }
                    if (random.nextInt(1000) < 2) {
                        files.print(run.unknownService(record));
                    }
                }
            }
            // a tiny demo still shows every kind of bad line
            Subscription started = subscriptions.stream()
                    .filter(subscription -> subscription.start().isBefore(cycleDate))
                    .findFirst().orElse(subscriptions.get(0));
            while (run.malformed < MALFORMED_KINDS) {
                files.print(run.malformed(run.example(started)));
            }
            while (run.unknown < 2) {
                files.print(run.unknownService(run.example(started)));
            }
            // the exporter sent one record again: ingest must keep one copy
            String[] duplicate = run.duplicate;
            if (duplicate == null) {
                duplicate = run.example(started);
                files.print(duplicate);
                run.records++;
            }
            files.print(duplicate);
            run.records++;
        }
        return new int[] {run.records, run.malformed, run.unknown};
    }

    /** The state of one usage export: counters per source and the lines written so far. */
    private final class UsageRun {
        private final SplittableRandom random;
        private final LocalDate periodStart = cycleDate.minusMonths(1);
        private final Map<String, long[]> sequences = new TreeMap<>();
        int records;
        int malformed;
        int unknown;
        String[] duplicate;

        UsageRun(SplittableRandom random) {
            this.random = random;
        }

        List<String[]> recordsOf(Subscription subscription) {
            Customer customer = subscription.customer();
            LocalDate from = max(periodStart, subscription.start());
            if (!customer.due(cycleDate)) {
                // billed on a later day: what it used before its own period was billed already
                from = max(from, customer.nextBillDate().minusMonths(1));
            }
            LocalDate to = subscription.end() == null ? cycleDate : min(cycleDate, subscription.end().plusDays(1));
            if (!from.isBefore(to)) {
                return List.of();
            }
            double share = (double) ChronoUnit.DAYS.between(from, to) / ChronoUnit.DAYS.between(periodStart, cycleDate);
            return subscription.plan().internet()
                    ? sessions(subscription, from, to, share)
                    : calls(subscription, from, to, share);
        }

        /** 3 to 12 RADIUS sessions; a fifth of capped customers go 1 to 80 GB over their allowance. */
        private List<String[]> sessions(Subscription subscription, LocalDate from, LocalDate to, double share) {
            Plan plan = subscription.plan();
            long total;
            if (plan.capped() && random.nextInt(100) < 20) {
                total = (plan.includedGb() + 1 + random.nextInt(80)) * GIB + random.nextLong(GIB / 2);
            } else if (plan.capped()) {
                total = (long) (plan.includedGb() * GB * (0.10 + 0.80 * random.nextDouble()) * share);
            } else {
                int gigabytes = plan.commercial() ? 150 + random.nextInt(1400) : 60 + random.nextInt(900);
                total = (long) (gigabytes * GB * share);
            }
            int count = 3 + random.nextInt(10);
            long[] parts = split(total, count);
            long[] starts = startTimes(from, to, count, 0, 24);
            String source = DemoPlaces.radiusSource(random, subscription.customer().serviceCity());
            List<String[]> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                records.add(new String[] {radiusId(source), source, subscription.serviceId(), "DATA",
                    timestamp(starts[i]), Long.toString(parts[i])});
            }
            return records;
        }

        /** Up to 30 calls for a home line, 10 to 40 for a business line; most calls are short. */
        private List<String[]> calls(Subscription subscription, LocalDate from, LocalDate to, double share) {
            boolean business = subscription.plan().commercial();
            int count = (int) Math.round((business ? 10 + random.nextInt(31) : random.nextInt(31)) * share);
            long[] starts = business ? startTimes(from, to, count, 8, 18) : startTimes(from, to, count, 8, 22);
            String source = subscription.customer().serviceCity().voiceSource();
            List<String[]> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long seconds = Math.min(3600, 5 + (long) (-Math.log(1 - random.nextDouble()) * 150));
                records.add(new String[] {callId(source, starts[i]), source, subscription.serviceId(), "VOICE",
                    timestamp(starts[i]), Long.toString(seconds)});
            }
            return records;
        }

        /** A well-formed record of this subscription, for the end-of-file extras of a tiny demo. */
        String[] example(Subscription subscription) {
            String source = DemoPlaces.radiusSource(random, subscription.customer().serviceCity());
            LocalDate from = max(periodStart, subscription.start());
            long start = startTimes(from.isBefore(cycleDate) ? from : periodStart, cycleDate, 1, 0, 24)[0];
            return new String[] {radiusId(source), source, subscription.serviceId(), "DATA", timestamp(start),
                Long.toString(GB + random.nextLong(GB))};
        }

        /** A broken line in the style of the record just written; the kinds take turns. */
        String[] malformed(String[] like) {
            String source = like[1];
            boolean data = "DATA".equals(like[3]);
            String id = data ? radiusId(source) : callId(source, LocalDateTime.parse(like[4]).toEpochSecond(ZoneOffset.UTC));
            String[] line = {id, source, like[2], like[3], like[4], like[5]};
            long quantity = Long.parseLong(like[5]);
            switch (malformed++ % MALFORMED_KINDS) {
                case 0 -> line[5] = data ? (quantity / 100_000_000) / 10 + "." + (quantity / 100_000_000) % 10 + "GB"
                        : (quantity / 60) + ":" + DemoPlaces.pad(quantity % 60, 2);
                case 1 -> line[5] = "-" + quantity;
                case 2 -> line[4] = LocalDateTime.parse(like[4]).format(DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm"));
                case 3 -> {
                    line[3] = "SMS";
                    line[5] = "1";
                }
                case 4 -> line[2] = "";
                default -> line = Arrays.copyOf(line, 5); // the quantity is missing
            }
            return line;
        }

        /** A well-formed record of a service no subscription has: a closed account, a test login. */
        String[] unknownService(String[] like) {
            unknown++;
            long start = LocalDateTime.parse(like[4]).toEpochSecond(ZoneOffset.UTC) + 60 + random.nextInt(3600);
            if (unknown % 2 == 1) {
                String source = like[3].equals("DATA") ? like[1] : "radius-mtl-1";
                return new String[] {radiusId(source), source, "u0" + DemoPlaces.pad(random.nextInt(100_000), 5) + "@nli.example",
                    "DATA", timestamp(start), Long.toString(random.nextLong(5 * GB))};
            }
            String source = like[3].equals("VOICE") ? like[1] : "voip-mtl-1";
            return new String[] {callId(source, start), source, "819555" + DemoPlaces.pad(random.nextInt(10_000), 4), "VOICE",
                timestamp(start), Long.toString(5 + random.nextInt(600))};
        }

        /** Splits a month's bytes over its sessions; the parts add up to the total exactly. */
        private long[] split(long total, int count) {
            double[] weights = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = 0.2 + random.nextDouble();
                sum += weights[i];
            }
            long[] parts = new long[count];
            long left = total;
            for (int i = 0; i < count - 1; i++) {
                parts[i] = (long) (total * (weights[i] / sum));
                left -= parts[i];
            }
            parts[count - 1] = left;
            return parts;
        }

        /** Sorted start times, as epoch seconds of the local clock, between the hours given. */
        private long[] startTimes(LocalDate from, LocalDate to, int count, int fromHour, int toHour) {
            long firstDay = from.toEpochDay();
            int days = (int) (to.toEpochDay() - firstDay);
            long[] starts = new long[count];
            for (int i = 0; i < count; i++) {
                long day = firstDay + random.nextInt(days);
                int second = fromHour * 3600 + random.nextInt((toHour - fromHour) * 3600);
                starts[i] = day * 86_400 + second;
            }
            Arrays.sort(starts);
            return starts;
        }

        /** A RADIUS accounting id: twelve hex digits, unique per NAS. */
        private String radiusId(String source) {
            long next = nextSequence(source, 1L << 40);
            String hex = Long.toHexString(next).toUpperCase(Locale.ROOT);
            return "0".repeat(Math.max(0, 12 - hex.length())) + hex;
        }

        /** An Asterisk-style uniqueid: the call's start second, a dot and a counter of the switch. */
        private String callId(String source, long startSecond) {
            return startSecond + "." + nextSequence(source, 100_000);
        }

        /** The next number of a source's counter, which starts somewhere below startBound. */
        private long nextSequence(String source, long startBound) {
            long[] sequence = sequences.computeIfAbsent(source, key -> new long[] {1 + random.nextLong(startBound)});
            return sequence[0]++;
        }
    }

    private static String timestamp(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(TIMESTAMP);
    }

    // ---------------------------------------------------------------- payments

    /**
     * Pays 70% of the open invoices in full and 10% in part; the older invoices and the other
     * invoice of the same account stay unpaid. Returns {payments, malformedPaymentLines}.
     */
    private int[] writePayments(Path file, List<OpenInvoice> invoices, List<Customer> customers,
                                SplittableRandom random) throws IOException {
        Set<String> delinquent = new HashSet<>();
        for (OpenInvoice invoice : invoices) {
            if (invoice.older()) {
                delinquent.add(invoice.customer().accountNumber());
            }
        }
        List<OpenInvoice> payable = invoices.stream()
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

        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < paidInFull + paidInPart; i++) {
            OpenInvoice invoice = payable.get(order[i]);
            BigDecimal amount = invoice.amount();
            if (i >= paidInFull) {
                // a round part of the bill, at least a dollar, never all of it
                BigDecimal part = amount.multiply(BigDecimal.valueOf(25 + random.nextInt(51)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                amount = part.max(BigDecimal.ONE).min(amount.subtract(new BigDecimal("0.01"))).setScale(2);
            }
            payments.add(new Payment(invoice.customer().accountNumber(), receivedOn(invoice, random),
                    amount.toPlainString(), method(random)));
        }
        payments.sort(Comparator.comparing(Payment::receivedOn).thenComparing(Payment::accountNumber));

        LocalDate lastDay = cycleDate.minusDays(1);
        Customer someone = customers.get(random.nextInt(customers.size()));
        List<String[]> lines = new ArrayList<>();
        for (Payment payment : payments) {
            lines.add(new String[] {payment.accountNumber(), payment.receivedOn().toString(), payment.amount(),
                payment.method()});
        }
        // two lines the job must reject, one payment to an account that does not exist
        insert(lines, lines.size() / 3, new String[] {someone.accountNumber(), dateNear(lines, lines.size() / 3, lastDay),
            "12.345", "BANK"});
        insert(lines, lines.size() / 2, new String[] {UNKNOWN_ACCOUNT, dateNear(lines, lines.size() / 2, lastDay),
            "75.00", "CHEQUE"});
        insert(lines, 2 * lines.size() / 3, new String[] {"", dateNear(lines, 2 * lines.size() / 3, lastDay),
            "50.00", "CARD"});

        try (CSVPrinter printer = DemoCsv.printer(file, PaymentFormat.INSTANCE.columns())) {
            String prefix = "PMT-" + cycleDate.format(COMPACT_DATE);
            for (int i = 0; i < lines.size(); i++) {
                String[] line = lines.get(i);
                printer.printRecord(prefix + DemoPlaces.pad(i + 1, 6), line[0], line[1], line[2], line[3]);
            }
        }
        return new int[] {payments.size() + 1, 2};
    }

    private LocalDate receivedOn(OpenInvoice invoice, SplittableRandom random) {
        LocalDate lastDay = cycleDate.minusDays(1);
        LocalDate first = invoice.invoiceDate().plusDays(2);
        LocalDate onTime = min(invoice.dueDate(), lastDay);
        if (random.nextInt(100) < 15 && invoice.dueDate().isBefore(lastDay)) {
            first = invoice.dueDate().plusDays(1);
            onTime = lastDay;
        }
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, onTime) + 1));
    }

    private static String method(SplittableRandom random) {
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

    // ---------------------------------------------------------------- reference files

    private static void writeAccounts(Path file, List<Customer> customers) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, ACCOUNT_COLUMNS)) {
            for (Customer c : customers) {
                City billing = c.billingCity();
                City service = c.serviceCity();
                printer.printRecord(c.accountNumber(), c.name(), c.commercial() ? "COMMERCIAL" : "RESIDENTIAL",
                        c.language(), c.email(), c.delivery(), c.billingLine1(), c.billingLine2(), billing.name(),
                        billing.region(), c.billingPostalCode(), billing.country(), c.serviceLine1(), service.name(),
                        service.county(), service.region(), c.servicePostalCode(), service.country(),
                        c.nextBillDate().toString());
            }
        }
    }

    private static void writePlans(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, PlanFormat.INSTANCE.columns())) {
            for (Plan plan : DemoCatalog.PLANS) {
                printer.printRecord(plan.code(), plan.nameEn(), plan.nameFr(), plan.kind(),
                        plan.monthlyPrice().toPlainString(), Integer.toString(plan.periodMonths()),
                        plan.includedGb() == null ? "" : plan.includedGb().toString(),
                        plan.overagePerGb() == null ? "" : plan.overagePerGb().toPlainString(),
                        plan.perMinute() == null ? "" : plan.perMinute().toPlainString());
            }
        }
    }

    private static void writeSubscriptions(Path file, List<Subscription> subscriptions) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, SubscriptionFormat.INSTANCE.columns())) {
            for (Subscription s : subscriptions) {
                printer.printRecord(s.id(), s.customer().accountNumber(), s.plan().code(), s.serviceId(),
                        s.start().toString(), s.end() == null ? "" : s.end().toString());
            }
        }
    }

    private static void writeTaxRates(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, TaxRateFormat.INSTANCE.columns())) {
            for (TaxRate tax : DemoCatalog.TAX_RATES) {
                printer.printRecord(tax.country(), tax.region(), tax.taxCode(), tax.nameEn(), tax.nameFr(),
                        tax.rate().toPlainString(), tax.registration());
            }
        }
    }

    private static void writeOpeningBalances(Path file, List<OpenInvoice> invoices) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, OpeningBalanceFormat.INSTANCE.columns())) {
            for (OpenInvoice invoice : invoices) {
                printer.printRecord(invoice.customer().accountNumber(), invoice.invoiceNumber(),
                        invoice.invoiceDate().toString(), invoice.dueDate().toString(), invoice.amount().toPlainString());
            }
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
