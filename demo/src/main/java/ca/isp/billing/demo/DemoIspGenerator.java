package ca.isp.billing.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

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

    private final long seed;
    private final int accounts;
    private final LocalDate cycleDate;
    private final int maxUsageFileLines;
    private double usageFactor = 1.0;
    /** Usage records an account has on average at factor 1.0 (133,595 lines for 10,000 accounts, seed 42). */
    public static final double USAGE_PER_ACCOUNT = 13.36;

    public DemoIspGenerator(long seed, int accounts, LocalDate cycleDate) {
        this(seed, accounts, cycleDate, MAX_USAGE_FILE_LINES);
    }

    /** For tests: a smaller split size shows the usage export in several parts. */
    DemoIspGenerator(long seed, int accounts, LocalDate cycleDate, int maxUsageFileLines) {
        int maxAccounts = Integer.parseInt(UNKNOWN_ACCOUNT) - CustomerGenerator.FIRST_ACCOUNT;
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

    /**
     * The same ISP with {@code factor} times the usual sessions and calls per subscription (about
     * {@link #USAGE_PER_ACCOUNT} records an account at 1.0): the benchmark's --usage.
     */
    public DemoIspGenerator withUsageFactor(double factor) {
        if (!(factor > 0 && factor <= 1000)) {
            throw new IllegalArgumentException("the usage factor must be above 0 and at most 1000: " + factor);
        }
        DemoIspGenerator scaled = new DemoIspGenerator(seed, accounts, cycleDate, maxUsageFileLines);
        scaled.usageFactor = factor;
        return scaled;
    }

    /** Writes the reference files, the usage export and the payment batch; returns what they hold. */
    public Summary generate(Path referenceDir, Path usageInboxDir, Path paymentInboxDir) throws IOException {
        Files.createDirectories(referenceDir);
        Files.createDirectories(usageInboxDir);
        Files.createDirectories(paymentInboxDir);

        // one stream per kind of data, so adding a column to one file does not reshuffle the others;
        // split in this order, or every file changes
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom customerRandom = master.split();
        SplittableRandom subscriptionRandom = master.split();
        SplittableRandom balanceRandom = master.split();
        SplittableRandom usageRandom = master.split();
        SplittableRandom paymentRandom = master.split();

        List<DemoCustomer> customers = new CustomerGenerator(cycleDate, customerRandom).invent(accounts);
        List<DemoSubscription> subscriptions = new SubscriptionGenerator(cycleDate, subscriptionRandom)
                .invent(customers);
        List<DemoOpenInvoice> openInvoices = new OpeningBalanceGenerator(cycleDate, balanceRandom)
                .invent(customers, subscriptions);

        CustomerGenerator.write(referenceDir.resolve("accounts.csv"), customers);
        DemoCatalog.writePlans(referenceDir.resolve("plans.csv"));
        SubscriptionGenerator.write(referenceDir.resolve("subscriptions.csv"), subscriptions);
        DemoCatalog.writeTaxRates(referenceDir.resolve("tax-rates.csv"));
        DemoCatalog.writeTaxJurisdictions(referenceDir.resolve("tax-jurisdictions.csv"));
        DemoCatalog.writeTaxRules(referenceDir.resolve("tax-rules.csv"));
        OpeningBalanceGenerator.write(referenceDir.resolve("opening-balances.csv"), openInvoices);
        UsageGenerator.Counts usage = new UsageGenerator(cycleDate, usageRandom, usageFactor)
                .write(usageInboxDir, subscriptions, maxUsageFileLines);
        PaymentGenerator.Counts payments = new PaymentGenerator(cycleDate, paymentRandom)
                .write(paymentInboxDir.resolve("payments-" + cycleDate + ".csv"), openInvoices, customers);

        int due = (int) customers.stream().filter(customer -> customer.due(cycleDate)).count();
        return new Summary(customers.size(), due, subscriptions.size(), usage.records(), usage.malformed(),
                usage.unknownService(), openInvoices.size(), payments.payments(), payments.malformed());
    }
}
