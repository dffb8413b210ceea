package ca.isp.billing.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a generated ISP's input files say, read the way an auditor would: straight from the CSV
 * files of docs/FILE-FORMATS.md with Commons CSV and the billing rules of the README and
 * ARCHITECTURE.md, without the importer, the jobs or their tables. The cycle tests compare
 * the cycle's results with these figures.
 *
 * <p>Read it once the files are generated and before a cycle runs: the cycle moves the inbox
 * files to the archive.
 */
public final class DemoInputs {

    /** One row of accounts.csv. */
    public record Account(String number, String email, String delivery, String serviceRegion, LocalDate nextBillDate) {

        /** Due for the cycle: its next bill date is on or before the cycle date. */
        public boolean dueOn(LocalDate cycle) {
            return !nextBillDate.isAfter(cycle);
        }

        /**
         * How its invoices leave: PRINT for MAIL and BOTH, EMAIL for EMAIL and BOTH, and PRINT
         * instead of EMAIL when it has no email address. PRINT first, as the outbox lists them.
         */
        public List<String> channels() {
            boolean hasEmail = !email.isBlank();
            List<String> channels = new ArrayList<>(2);
            if (!delivery.equals("EMAIL") || !hasEmail) {
                channels.add("PRINT");
            }
            if (!delivery.equals("MAIL") && hasEmail) {
                channels.add("EMAIL");
            }
            return channels;
        }
    }

    private record Plan(int periodMonths, BigDecimal includedGb, BigDecimal perMinute) {
    }

    private record Subscription(String account, Plan plan, String serviceId, LocalDate start, LocalDate end) {
    }

    private record UsageRecord(String type, LocalDate day, long quantity) {
    }

    private record OpeningInvoice(String account, String number, LocalDate invoiceDate, LocalDate dueDate,
                                  BigDecimal amount) {
    }

    /** A payment that applies, as its file gives it. */
    private record Payment(String account, LocalDate receivedOn, BigDecimal amount) {
    }

    private static final BigDecimal BYTES_PER_GB = new BigDecimal("1000000000");

    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, List<Subscription>> subscriptions = new HashMap<>();
    /** Per service id: its well-formed usage records, once each (source + record_id). */
    private final Map<String, List<UsageRecord>> usage = new HashMap<>();
    private final List<OpeningInvoice> openingInvoices = new ArrayList<>();
    /** Well-formed payments of known accounts, once per payment_ref: the amount paid by account. */
    private final Map<String, BigDecimal> paid = new LinkedHashMap<>();
    private final List<Payment> paymentList = new ArrayList<>();
    private int payments;

    private DemoInputs() {
    }

    /** Reads {@code home}/reference/*.csv and the usage and payment files of {@code home}/inbox/. */
    public static DemoInputs read(Path home) throws IOException {
        DemoInputs inputs = new DemoInputs();
        Path reference = home.resolve("reference");
        Map<String, Plan> plans = new HashMap<>();
        each(reference.resolve("plans.csv"), r -> plans.put(r.get("plan_code"), new Plan(
                Integer.parseInt(r.get("period_months")), decimalOrNull(r.get("included_gb")),
                decimalOrNull(r.get("per_minute")))));
        each(reference.resolve("accounts.csv"), r -> inputs.accounts.add(new Account(r.get("account_number"),
                r.get("email"), r.get("delivery"), r.get("service_region"), LocalDate.parse(r.get("next_bill_date")))));
        Map<String, Subscription> byService = new HashMap<>();
        each(reference.resolve("subscriptions.csv"), r -> {
            Subscription s = new Subscription(r.get("account_number"), plans.get(r.get("plan_code")),
                    r.get("service_id"), LocalDate.parse(r.get("start_date")),
                    r.get("end_date").isEmpty() ? null : LocalDate.parse(r.get("end_date")));
            inputs.subscriptions.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s);
            byService.put(s.serviceId(), s);
        });
        each(reference.resolve("opening-balances.csv"), r -> inputs.openingInvoices.add(new OpeningInvoice(
                r.get("account_number"), r.get("invoice_number"), LocalDate.parse(r.get("invoice_date")),
                LocalDate.parse(r.get("due_date")), new BigDecimal(r.get("amount")))));

        Set<String> recordKeys = new HashSet<>();
        for (Path file : inbox(home, "usage")) {
            each(file, r -> {
                if (!wellFormedUsage(r) || !byService.containsKey(r.get("service_id"))
                        || !recordKeys.add(r.get("source") + "\u0000" + r.get("record_id"))) {
                    return;
                }
                inputs.usage.computeIfAbsent(r.get("service_id"), k -> new ArrayList<>()).add(new UsageRecord(
                        r.get("usage_type"), LocalDateTime.parse(r.get("start_time")).toLocalDate(),
                        Long.parseLong(r.get("quantity"))));
            });
        }
        Set<String> known = new HashSet<>();
        inputs.accounts.forEach(a -> known.add(a.number()));
        Set<String> refs = new HashSet<>();
        for (Path file : inbox(home, "payments")) {
            each(file, r -> {
                String account = r.isSet("account_number") ? r.get("account_number") : "";
                if (!wellFormedPayment(r) || !known.contains(account) || !refs.add(r.get("payment_ref"))) {
                    return;
                }
                inputs.payments++;
                inputs.paid.merge(account, new BigDecimal(r.get("amount")), BigDecimal::add);
                inputs.paymentList.add(new Payment(account, LocalDate.parse(r.get("received_on")),
                        new BigDecimal(r.get("amount"))));
            });
        }
        return inputs;
    }

    public List<Account> accounts() {
        return accounts;
    }

    /** Accounts whose next bill date is on or before the cycle date, in the order of accounts.csv. */
    public List<Account> due(LocalDate cycle) {
        return accounts.stream().filter(a -> a.dueOn(cycle)).toList();
    }

    /**
     * The due accounts the cycle must invoice, in the order of accounts.csv: those with at least
     * one line. A line is a plan charged in advance for an account period [d, d + 1 month)
     * starting on or before the cycle date (a monthly plan active on a day of it; a multi-month
     * plan whose term, counted from its start date, begins in it), or usage billed in arrears
     * (data over a capped plan's monthly allowance, or calls on a per-minute plan) before the
     * next bill date. Late fees are not counted: none is pending before an ISP's first cycle.
     */
    public List<Account> invoiced(LocalDate cycle) {
        return due(cycle).stream().filter(a -> chargesPlan(a, cycle) || chargesUsage(a)).toList();
    }

    /** The account numbers of these accounts (an invoice is known by its account and cycle). */
    public static Set<String> accountNumbers(List<Account> accounts) {
        Set<String> numbers = new LinkedHashSet<>();
        accounts.forEach(a -> numbers.add(a.number()));
        return numbers;
    }

    /** How many of these accounts' invoices go out on the channel ("PRINT" or "EMAIL"). */
    public static long deliveries(List<Account> invoiced, String channel) {
        return invoiced.stream().filter(a -> a.channels().contains(channel)).count();
    }

    /**
     * What an account owed on a day before its first cycle's invoice, from the files alone: its
     * opening invoices dated on or before the day, less its payments received on or before it.
     */
    public BigDecimal owedOn(String account, LocalDate day) {
        BigDecimal owed = BigDecimal.ZERO;
        for (OpeningInvoice invoice : openingInvoices) {
            if (invoice.account().equals(account) && !invoice.invoiceDate().isAfter(day)) {
                owed = owed.add(invoice.amount());
            }
        }
        for (Payment payment : paymentList) {
            if (payment.account().equals(account) && !payment.receivedOn().isAfter(day)) {
                owed = owed.subtract(payment.amount());
            }
        }
        return owed;
    }

    /** Payment lines that apply: well formed (docs/FILE-FORMATS.md), of a known account, once per payment_ref. */
    public int payments() {
        return payments;
    }

    /**
     * The opening invoices still owing after the payments, each account's payments poured into
     * its invoices oldest due date first (then by number), as PaymentAllocator allocates them:
     * invoice number to open amount, only those with something left.
     */
    public Map<String, BigDecimal> openAfterPayments() {
        Map<String, BigDecimal> left = new HashMap<>(paid);
        Map<String, BigDecimal> open = new TreeMap<>();
        openingInvoices.stream()
                .sorted(Comparator.comparing(OpeningInvoice::dueDate).thenComparing(OpeningInvoice::number))
                .forEach(invoice -> {
                    BigDecimal available = left.getOrDefault(invoice.account(), BigDecimal.ZERO);
                    BigDecimal applied = available.min(invoice.amount());
                    left.put(invoice.account(), available.subtract(applied));
                    if (invoice.amount().compareTo(applied) > 0) {
                        open.put(invoice.number(), invoice.amount().subtract(applied));
                    }
                });
        return open;
    }

    /**
     * The opening invoices a cycle charges a late fee on: still open after the payments by at
     * least {@code minimumOpen}, and the cycle date after their due date plus the grace days.
     */
    public Set<String> lateFees(LocalDate cycle, int graceDays, BigDecimal minimumOpen) {
        Map<String, OpeningInvoice> byNumber = new HashMap<>();
        openingInvoices.forEach(i -> byNumber.put(i.number(), i));
        Set<String> fees = new TreeSet<>();
        openAfterPayments().forEach((number, open) -> {
            if (cycle.isAfter(byNumber.get(number).dueDate().plusDays(graceDays)) && open.compareTo(minimumOpen) >= 0) {
                fees.add(number);
            }
        });
        return fees;
    }

    /**
     * The accounts delinquent on the cycle date: their oldest invoice still open after the
     * payments and due before the cycle is at least {@code daysPastDue} days past due, and what
     * they owe past due is at least {@code minimumOverdue}.
     */
    public Set<String> delinquent(LocalDate cycle, int daysPastDue, BigDecimal minimumOverdue) {
        Map<String, OpeningInvoice> byNumber = new HashMap<>();
        openingInvoices.forEach(i -> byNumber.put(i.number(), i));
        Map<String, LocalDate> oldest = new HashMap<>();
        Map<String, BigDecimal> overdue = new HashMap<>();
        openAfterPayments().forEach((number, open) -> {
            OpeningInvoice invoice = byNumber.get(number);
            if (invoice.dueDate().isBefore(cycle)) {
                oldest.merge(invoice.account(), invoice.dueDate(), (a, b) -> a.isBefore(b) ? a : b);
                overdue.merge(invoice.account(), open, BigDecimal::add);
            }
        });
        Set<String> delinquent = new TreeSet<>();
        oldest.forEach((account, due) -> {
            if (!cycle.isBefore(due.plusDays(daysPastDue)) && overdue.get(account).compareTo(minimumOverdue) >= 0) {
                delinquent.add(account);
            }
        });
        return delinquent;
    }

    /**
     * RecurringCharger bills, in advance, every term whose first day of service is on or after the
     * account's billing start (its next bill date when imported: the terms served before were billed
     * by the previous system) and on or before the cycle date. Terms start on the bill day; the days
     * of a service before its first bill date are a stub of the term that ends there.
     */
    private boolean chargesPlan(Account account, LocalDate cycle) {
        LocalDate billingStart = account.nextBillDate();
        int billDay = billingStart.getDayOfMonth();
        for (Subscription s : subscriptions.getOrDefault(account.number(), List.of())) {
            LocalDate lastDay = s.end() == null || s.end().isAfter(cycle) ? cycle : s.end();
            // the first bill date on or after the start: a stub before it, then terms from it
            LocalDate termStart = billDate(s.start().withDayOfMonth(1), billDay);
            if (termStart.isBefore(s.start())) {
                termStart = billDate(s.start().withDayOfMonth(1).plusMonths(1), billDay);
            }
            // each term's first day of service: the start, then each term's start
            for (LocalDate firstDay = s.start(); !firstDay.isAfter(lastDay); ) {
                if (!firstDay.isBefore(billingStart)) {
                    return true;
                }
                firstDay = firstDay.isBefore(termStart) ? termStart : billDate(
                        firstDay.withDayOfMonth(1).plusMonths(s.plan().periodMonths()), billDay);
            }
        }
        return false;
    }

    private static LocalDate billDate(LocalDate firstOfMonth, int billDay) {
        return firstOfMonth.withDayOfMonth(Math.min(billDay, firstOfMonth.lengthOfMonth()));
    }

    /** Usage before the next bill date, per account month counted back from it, that costs something. */
    private boolean chargesUsage(Account account) {
        LocalDate nextBill = account.nextBillDate();
        for (Subscription s : subscriptions.getOrDefault(account.number(), List.of())) {
            Map<LocalDate, long[]> byMonth = new HashMap<>();
            for (UsageRecord record : usage.getOrDefault(s.serviceId(), List.of())) {
                LocalDate day = record.day();
                if (!day.isBefore(nextBill)) {
                    continue;
                }
                LocalDate monthStart = nextBill.minusMonths(1);
                for (int back = 2; day.isBefore(monthStart); back++) {
                    monthStart = nextBill.minusMonths(back);
                }
                long[] totals = byMonth.computeIfAbsent(monthStart, k -> new long[2]);
                totals["DATA".equals(record.type()) ? 0 : 1] += record.quantity();
            }
            for (long[] totals : byMonth.values()) {
                boolean overAllowance = s.plan().includedGb() != null
                        && new BigDecimal(totals[0]).compareTo(s.plan().includedGb().multiply(BYTES_PER_GB)) > 0;
                boolean calls = s.plan().perMinute() != null && totals[1] > 0;
                if (overAllowance || calls) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean wellFormedUsage(CSVRecord r) {
        for (String column : new String[] {"record_id", "source", "service_id", "usage_type", "start_time", "quantity"}) {
            if (!r.isSet(column) || r.get(column).isBlank()) {
                return false;
            }
        }
        if (!r.get("usage_type").equals("DATA") && !r.get("usage_type").equals("VOICE")) {
            return false;
        }
        try {
            LocalDateTime.parse(r.get("start_time"));
        } catch (DateTimeParseException e) {
            return false;
        }
        return r.get("quantity").matches("[0-9]+");
    }

    private static boolean wellFormedPayment(CSVRecord r) {
        for (String column : new String[] {"payment_ref", "account_number", "received_on", "amount"}) {
            if (!r.isSet(column) || r.get(column).isBlank()) {
                return false;
            }
        }
        try {
            LocalDate.parse(r.get("received_on"));
        } catch (DateTimeParseException e) {
            return false;
        }
        return r.get("amount").matches("[0-9]+(\\.[0-9]{1,2})?") && new BigDecimal(r.get("amount")).signum() > 0;
    }

    private static BigDecimal decimalOrNull(String value) {
        return value.isEmpty() ? null : new BigDecimal(value);
    }

    private static List<Path> inbox(Path home, String kind) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("inbox").resolve(kind))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static void each(Path file, Consumer<CSVRecord> row) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            parser.forEach(row);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
