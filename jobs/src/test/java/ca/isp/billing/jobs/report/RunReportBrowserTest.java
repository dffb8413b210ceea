package ca.isp.billing.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.testing.PinnedClock;

/**
 * The run report of a small ISP the test writes itself (six accounts in Ontario and Quebec,
 * three plans, the GST, QST and HST, two opening balances, a payment, a usage file and a
 * payment file with bad lines), billed for November, opened in headless Chromium: the figures
 * read from the page's DOM must be the ones worked out here from the CSV files the test wrote
 * (read back with Commons CSV, the billing rules of the README applied by hand), never from
 * the database, and the page must have fetched nothing.
 *
 * <p>Worked by hand from the files below (cycle 2026-11-01; 700006 is due 2026-12-01, not billed):
 * <pre>
 * account  region plans              subtotal  taxes (each rounded once per invoice, half up)       total
 * 700001   ON     NET-UNL             40.00    HST 13 %  5.20                                       45.20
 * 700002   ON     NET-50              50.00    HST 13 %  6.50                                       56.50
 * 700003   QC     NET-UNL             40.00    GST 5 % 2.00, QST 9.975 % 3.99 (3.9900)              45.99
 * 700004   QC     NET-50              50.00    GST 2.50, QST 4.99 (4.9875)                          57.49
 * 700005   QC     NET-50 + PHONE      65.00    GST 3.25, QST 6.48 (6.48375)                         74.73
 * revenue by plan: NET-UNL 80.00 (2 lines), NET-50 150.00 (3), PHONE 15.00 (1) = 245.00
 * by province: ON 90.00 (2 invoices), QC 155.00 (3)
 * tax: ON HST 11.70 on 90.00; QC GST 7.75 and QST 15.46 on 155.00; all tax 34.91; invoiced 279.91
 * ageing on 2026-11-01: the five invoices, due 2026-11-22, not due: 279.91; OLD-1 (100.00) paid whole
 *   by P-1 (2026-10-28); OLD-2 120.00 due 2026-09-21, 41 days late: 31-60 days 120.00
 * deliveries: PRINT 700001 (MAIL), 700003 (BOTH), 700005 (MAIL) = 3 SENT;
 *   EMAIL 700002, 700003, 700004 = 3 SENT
 * rejects: usage quantity 'x' (field quantity), a line of 2 fields (whole line); payments amount 'abc'
 * </pre>
 */
class RunReportBrowserTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate COLLECTIONS_DAY = LocalDate.of(2026, 11, 2);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    CollectionsLauncher collections;
    @Autowired
    UsageIngestLauncher usageIngest;

    @Test
    void thePageInChromiumShowsTheFiguresOfTheInputFilesAndFetchesNothing() throws Exception {
        HeadlessChromium.requireInstalled(); // before billing anything
        Path input = HOME.resolve("input");
        write(input, "plans.csv", """
                plan_code,name_en,name_fr,kind,monthly_price,period_months,included_gb,overage_per_gb,per_minute,gl_account
                NET-50,Net 50,Net 50,INTERNET,50.00,1,50,2.00,,4050
                NET-UNL,Net Unlimited,Net illimité,INTERNET,40.00,1,,,,4010
                PHONE,Phone,Téléphone,VOIP,15.00,1,,,0.0375,4030
                """);
        write(input, "tax-rates.csv", """
                country,region,tax_code,name_en,name_fr,rate,registration,gl_account
                CA,QC,GST,GST,TPS,0.05,123456789 RT0001,2310
                CA,QC,QST,QST,TVQ,0.09975,1234567890 TQ0001,2320
                CA,ON,HST,HST,TVH,0.13,123456789 RT0001,2330
                """);
        String head = "account_number,name,customer_type,language,email,delivery,billing_line1,billing_line2,billing_city,"
                + "billing_region,billing_postal_code,billing_country,service_line1,service_city,service_county,"
                + "service_region,service_postal_code,service_country,next_bill_date\n";
        write(input, "accounts.csv", head + """
                700001,Ontario Mail,RESIDENTIAL,en,,MAIL,1 King St,,Toronto,ON,M5H 1A1,CA,1 King St,Toronto,,ON,M5H 1A1,CA,2026-11-01
                700002,Ontario Email,RESIDENTIAL,en,on2@example.com,EMAIL,2 King St,,Toronto,ON,M5H 1A1,CA,2 King St,Toronto,,ON,M5H 1A1,CA,2026-11-01
                700003,Québec Both,RESIDENTIAL,fr,qc3@example.com,BOTH,3 rue Sherbrooke,,Montréal,QC,H2X 1X1,CA,3 rue Sherbrooke,Montréal,,QC,H2X 1X1,CA,2026-11-01
                700004,Québec Courriel,RESIDENTIAL,fr,qc4@example.com,EMAIL,4 rue Sherbrooke,,Montréal,QC,H2X 1X1,CA,4 rue Sherbrooke,Montréal,,QC,H2X 1X1,CA,2026-11-01
                700005,Québec Postal,RESIDENTIAL,fr,,MAIL,5 rue Sherbrooke,,Montréal,QC,H2X 1X1,CA,5 rue Sherbrooke,Montréal,,QC,H2X 1X1,CA,2026-11-01
                700006,Ontario Later,RESIDENTIAL,en,on6@example.com,EMAIL,6 King St,,Toronto,ON,M5H 1A1,CA,6 King St,Toronto,,ON,M5H 1A1,CA,2026-12-01
                """);
        write(input, "subscriptions.csv", """
                subscription_id,account_number,plan_code,service_id,start_date,end_date
                S700001,700001,NET-UNL,rr-1,2026-01-01,
                S700002,700002,NET-50,rr-2,2026-01-01,
                S700003,700003,NET-UNL,rr-3,2026-01-01,
                S700004,700004,NET-50,rr-4,2026-01-01,
                S700005,700005,NET-50,rr-5,2026-01-01,
                S700005P,700005,PHONE,5145550105,2026-01-01,
                S700006,700006,NET-50,rr-6,2026-01-01,
                """);
        write(input, "opening-balances.csv", """
                account_number,invoice_number,invoice_date,due_date,amount
                700001,OLD-1,2026-09-01,2026-09-21,100.00
                700002,OLD-2,2026-09-01,2026-09-21,120.00
                """);
        Path usageInbox = properties.inbox("usage");
        Path paymentInbox = properties.inbox("payments");
        // records of a service no subscription has (kept UNMATCHED: no money), and two bad lines
        write(usageInbox, "usage-1.csv", """
                record_id,source,service_id,usage_type,start_time,quantity
                rr-u1,radius-x,nobody,DATA,2026-10-20T08:00:00,1000
                rr-u2,radius-x,nobody,DATA,2026-10-21T08:00:00,x
                rr-u3,radius-x
                """);
        write(paymentInbox, "payments-1.csv", """
                payment_ref,account_number,received_on,amount,method
                P-1,700001,2026-10-28,100.00,CHEQUE
                P-2,700002,2026-10-29,abc,CHEQUE
                """);
        importer.importFile(Kind.PLANS, input.resolve("plans.csv"));
        importer.importFile(Kind.TAX_RATES, input.resolve("tax-rates.csv"));
        importer.importFile(Kind.ACCOUNTS, input.resolve("accounts.csv"));
        importer.importFile(Kind.SUBSCRIPTIONS, input.resolve("subscriptions.csv"));
        importer.importFile(Kind.OPENING_BALANCES, input.resolve("opening-balances.csv"));

        // What the files say, before the cycle moves the inbox files away.
        Expected expected = Expected.of(input, usageInbox.resolve("usage-1.csv"), paymentInbox.resolve("payments-1.csv"));
        assertThat(expected.totalInvoiced).isEqualByComparingTo("279.91");

        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        Path folder = properties.reports(NOV);
        Path page = folder.resolve("run-report.html");
        assertThat(page).isRegularFile();
        assertThat(Files.getPosixFilePermissions(page)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String html = Files.readString(page);
        // nothing outside the page: no script, no link, no image or font file, no http(s) address
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:").doesNotContain("@import");

        Map<String, List<Map<String, String>>> first;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(page);
            first = checkCyclePage(chromium, expected);
            // the only request made was the page itself: no fetch, image, font, style or script
            assertThat(chromium.requestsSent()).containsExactly(page.toUri().toString());
        }

        // the same figures as CSV beside the page (text neutralised, owner-only)
        assertThat(csv(folder.resolve("run-report-revenue-by-plan.csv"))).extracting(r -> r.get("plan") + "=" + r.get("amount"))
                .containsExactlyInAnyOrderElementsOf(expected.revenueByPlan.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).toList());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.filter(f -> f.getFileName().toString().startsWith("run-report")).toList();
            assertThat(written).extracting(f -> f.getFileName().toString()).contains("run-report.html",
                    "run-report-totals.csv", "run-report-revenue-by-province.csv", "run-report-tax-by-jurisdiction.csv",
                    "run-report-ageing.csv", "run-report-deliveries.csv", "run-report-rejects.csv",
                    "run-report-step-times.csv");
            for (Path f : written) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }

        // A rerun writes the page again in place: the same figures, no second copy, no temporary file.
        assertThat(launcher.rerun(NOV).result()).isEqualTo(Result.COMPLETED);
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(page);
            Map<String, List<Map<String, String>>> again = checkCyclePage(chromium, expected);
            first.remove("step-times");
            again.remove("step-times");
            assertThat(again).isEqualTo(first);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"))
                    .filteredOn(n -> n.endsWith(".html")).containsExactly("run-report.html");
        }

        // The daily jobs write theirs: collections on its date, the ingest on today's (the pinned clock).
        assertThat(collections.collect(COLLECTIONS_DAY).result()).isEqualTo(Result.COMPLETED);
        write(usageInbox, "usage-2.csv", """
                record_id,source,service_id,usage_type,start_time,quantity
                rr-u9,radius-x,nobody,DATA,2026-11-10T08:00:00,y
                """);
        assertThat(usageIngest.ingest().result()).isEqualTo(Result.COMPLETED);
        Path collectionsPage = properties.reports(COLLECTIONS_DAY).resolve("collections-report.html");
        Path ingestPage = properties.reports(PinnedClock.TODAY).resolve("ingest-report.html");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(collectionsPage);
            // on 11-02 the same buckets: the invoices still not due, OLD-2 42 days late
            assertThat(amounts(rows(chromium, "ageing"), "bucket", "amount")).isEqualTo(expected.ageing);
            assertThat(steps(chromium)).contains("payments", "lateFees", "delinquency", "provisioningLists");
            assertThat(chromium.requestsSent()).containsExactly(collectionsPage.toUri().toString());
            chromium.open(ingestPage);
            // the one line of usage-2.csv: a quantity that is not a number
            assertThat(rows(chromium, "rejects")).singleElement().satisfies(r -> {
                assertThat(r.get("source")).isEqualTo("usage");
                assertThat(r.get("field")).isEqualTo("quantity");
                assertThat(r.get("lines")).isEqualTo("1");
            });
            assertThat(steps(chromium)).containsExactly("ingest", "rate", "usageReconciliation");
            assertThat(chromium.requestsSent()).containsExactly(ingestPage.toUri().toString());
        }
    }

    /** Reads every table of the cycle's page and checks it against the files' figures; returns the tables. */
    private Map<String, List<Map<String, String>>> checkCyclePage(HeadlessChromium chromium, Expected expected) {
        Map<String, List<Map<String, String>>> tables = new TreeMap<>();
        for (String id : List.of("totals", "revenue-by-plan", "revenue-by-province", "tax-by-jurisdiction", "ageing",
                "deliveries", "rejects", "step-times")) {
            tables.put(id, rows(chromium, id));
        }
        Map<String, String> totals = tables.get("totals").get(0);
        assertThat(tables.get("totals")).hasSize(1);
        assertThat(totals.get("currency")).isEqualTo("CAD");
        assertThat(totals.get("invoices")).isEqualTo(String.valueOf(expected.invoices));
        assertThat(new BigDecimal(totals.get("revenue"))).isEqualByComparingTo(expected.revenue);
        assertThat(new BigDecimal(totals.get("tax"))).isEqualByComparingTo(expected.tax);
        assertThat(new BigDecimal(totals.get("total"))).isEqualByComparingTo(expected.totalInvoiced);

        assertThat(amounts(tables.get("revenue-by-plan"), "plan", "amount")).isEqualTo(expected.revenueByPlan);
        assertThat(amounts(tables.get("revenue-by-plan"), "plan", "lines")).isEqualTo(expected.linesByPlan);
        assertThat(amounts(tables.get("revenue-by-province"), "province", "amount")).isEqualTo(expected.revenueByProvince);
        assertThat(amounts(tables.get("tax-by-jurisdiction"), "tax_code", "tax")).isEqualTo(expected.taxByCode);
        assertThat(amounts(tables.get("tax-by-jurisdiction"), "tax_code", "taxable_base")).isEqualTo(expected.baseByCode);
        assertThat(amounts(tables.get("ageing"), "bucket", "amount")).isEqualTo(expected.ageing);
        assertThat(amounts(tables.get("deliveries"), "channel", "deliveries")).isEqualTo(expected.deliveries);
        assertThat(tables.get("deliveries")).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        Map<String, BigDecimal> rejects = new TreeMap<>();
        for (Map<String, String> r : tables.get("rejects")) {
            rejects.merge(r.get("source") + " " + r.get("field"), new BigDecimal(r.get("lines")), BigDecimal::add);
        }
        assertThat(rejects).isEqualTo(expected.rejects);
        // every step of the cycle's last run but the report step itself, which writes the page
        // (an earlier run's report step is listed: it had ended)
        List<Map<String, String>> stepRows = tables.get("step-times");
        String lastRun = stepRows.get(stepRows.size() - 1).get("run");
        assertThat(stepRows.stream().filter(r -> r.get("run").equals(lastRun)).map(r -> r.get("step")))
                .containsSubsequence("ingest", "rate", "payments", "charge", "tax", "invoice",
                "reviewGate", "render", "handoff", "handoffManifest", "lateFees", "delinquency", "provisioningLists",
                "journal").doesNotContain("report");

        // the total rows say the same as the sums, and each chart's bars the same as its table
        Map<String, String> planTotal = footer(chromium, "revenue-by-plan");
        assertThat(new BigDecimal(planTotal.get("amount"))).isEqualByComparingTo(expected.revenue);
        assertThat(new BigDecimal(footer(chromium, "tax-by-jurisdiction").get("tax"))).isEqualByComparingTo(expected.tax);
        assertThat(new BigDecimal(footer(chromium, "ageing").get("amount")))
                .isEqualByComparingTo(expected.ageing.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        for (String id : List.of("revenue-by-plan", "revenue-by-province", "tax-by-jurisdiction", "ageing", "deliveries")) {
            List<String> bars = bars(chromium, id);
            assertThat(bars).as(id).hasSize(tables.get(id).size());
        }
        assertThat(bars(chromium, "revenue-by-plan")).containsExactlyInAnyOrderElementsOf(expected.revenueByPlan.entrySet()
                .stream().map(e -> "CAD " + e.getKey() + "=" + e.getValue().toPlainString()).toList());

        // no element names anything outside the page
        Object outside = chromium.driver.executeScript("""
                return Array.from(document.querySelectorAll('[src],[href],link,script,img,iframe,object,embed'))
                    .map(e => e.outerHTML);""");
        assertThat((List<?>) outside).isEmpty();
        Object resources = chromium.driver.executeScript("return performance.getEntriesByType('resource').length;");
        assertThat(((Number) resources).longValue()).isZero();
        return tables;
    }

    /** The figures the input files give, worked out without the application (see the class comment). */
    private static final class Expected {
        long invoices;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        BigDecimal totalInvoiced = BigDecimal.ZERO.setScale(2);
        final Map<String, BigDecimal> revenueByPlan = new TreeMap<>();
        final Map<String, BigDecimal> linesByPlan = new TreeMap<>();
        final Map<String, BigDecimal> revenueByProvince = new TreeMap<>();
        final Map<String, BigDecimal> taxByCode = new TreeMap<>();
        final Map<String, BigDecimal> baseByCode = new TreeMap<>();
        final Map<String, BigDecimal> ageing = new TreeMap<>();
        final Map<String, BigDecimal> deliveries = new TreeMap<>();
        final Map<String, BigDecimal> rejects = new TreeMap<>();

        static Expected of(Path input, Path usage, Path payments) throws IOException {
            Expected e = new Expected();
            Map<String, BigDecimal> prices = new TreeMap<>();
            for (CSVRecord p : csv(input.resolve("plans.csv"))) {
                prices.put(p.get("plan_code"), new BigDecimal(p.get("monthly_price")));
            }
            List<CSVRecord> subscriptions = csv(input.resolve("subscriptions.csv"));
            List<CSVRecord> rates = csv(input.resolve("tax-rates.csv"));
            for (CSVRecord a : csv(input.resolve("accounts.csv"))) {
                DemoInputs.Account account = new DemoInputs.Account(a.get("account_number"), a.get("email"),
                        a.get("delivery"), a.get("service_region"), LocalDate.parse(a.get("next_bill_date")));
                if (!account.dueOn(NOV)) {
                    continue;
                }
                // a month in advance of each plan, whole: the subscriptions started before 2026-11-01
                BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
                for (CSVRecord s : subscriptions) {
                    if (s.get("account_number").equals(account.number())) {
                        BigDecimal price = prices.get(s.get("plan_code"));
                        subtotal = subtotal.add(price);
                        e.revenueByPlan.merge(s.get("plan_code"), price, BigDecimal::add);
                        e.linesByPlan.merge(s.get("plan_code"), BigDecimal.ONE, BigDecimal::add);
                    }
                }
                BigDecimal invoiceTax = BigDecimal.ZERO.setScale(2);
                for (CSVRecord r : rates) {
                    if (r.get("region").equals(account.serviceRegion())) {
                        // each tax rounded once per invoice, half up
                        BigDecimal amount = subtotal.multiply(new BigDecimal(r.get("rate"))).setScale(2, RoundingMode.HALF_UP);
                        invoiceTax = invoiceTax.add(amount);
                        e.taxByCode.merge(r.get("tax_code"), amount, BigDecimal::add);
                        e.baseByCode.merge(r.get("tax_code"), subtotal, BigDecimal::add);
                    }
                }
                e.invoices++;
                e.revenue = e.revenue.add(subtotal);
                e.tax = e.tax.add(invoiceTax);
                e.totalInvoiced = e.totalInvoiced.add(subtotal).add(invoiceTax);
                e.revenueByProvince.merge(account.serviceRegion(), subtotal, BigDecimal::add);
                // due 21 days after the invoice date (billing.payment-terms-days): not due on the cycle date
                e.ageing.merge(bucket(NOV.plusDays(21), NOV), subtotal.add(invoiceTax), BigDecimal::add);
                for (String channel : account.channels()) {
                    e.deliveries.merge(channel, BigDecimal.ONE, BigDecimal::add);
                }
            }
            // opening balances less the well-formed payments of their account (oldest invoice first)
            Map<String, BigDecimal> paid = new TreeMap<>();
            for (CSVRecord p : csv(payments)) {
                if (p.size() == 5 && p.get("amount").matches("\\d+\\.\\d{2}")) {
                    paid.merge(p.get("account_number"), new BigDecimal(p.get("amount")), BigDecimal::add);
                } else {
                    e.rejects.merge("payments amount", BigDecimal.ONE, BigDecimal::add);
                }
            }
            for (CSVRecord o : csv(input.resolve("opening-balances.csv"))) {
                BigDecimal amount = new BigDecimal(o.get("amount"));
                BigDecimal open = amount.subtract(amount.min(paid.getOrDefault(o.get("account_number"), BigDecimal.ZERO)));
                if (open.signum() > 0) {
                    e.ageing.merge(bucket(LocalDate.parse(o.get("due_date")), NOV), open, BigDecimal::add);
                }
            }
            // the usage file's bad lines: a line without its 6 fields, a quantity that is not a number
            for (CSVRecord u : csv(usage)) {
                if (u.size() != 6) {
                    e.rejects.merge("usage (line)", BigDecimal.ONE, BigDecimal::add);
                } else if (!u.get("quantity").matches("\\d+")) {
                    e.rejects.merge("usage quantity", BigDecimal.ONE, BigDecimal::add);
                }
            }
            return e;
        }

        /** Days past due on asOf, in the report's buckets (1-30, 31-60, ... as the README says). */
        private static String bucket(LocalDate due, LocalDate asOf) {
            long late = ChronoUnit.DAYS.between(due, asOf);
            return late <= 0 ? "not due" : late <= 30 ? "1-30 days" : late <= 60 ? "31-60 days"
                    : late <= 90 ? "61-90 days" : "over 90 days";
        }
    }

    // ------------------------------------------------------------------ reading the page

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> rows(HeadlessChromium chromium, String table) {
        return (List<Map<String, String>>) chromium.driver.executeScript("""
                const table = document.getElementById(arguments[0]);
                if (!table) { return null; }
                return Array.from(table.querySelectorAll('tbody tr')).map(tr => Object.fromEntries(
                    Array.from(tr.querySelectorAll('td')).map(td => [td.dataset.column, td.textContent])));""", table);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> footer(HeadlessChromium chromium, String table) {
        return (Map<String, String>) chromium.driver.executeScript("""
                const tr = document.querySelector('#' + arguments[0] + ' tfoot tr.total');
                return Object.fromEntries(Array.from(tr.querySelectorAll('td')).map(td => [td.dataset.column,
                    td.textContent]));""", table);
    }

    @SuppressWarnings("unchecked")
    private static List<String> bars(HeadlessChromium chromium, String table) {
        return (List<String>) chromium.driver.executeScript("""
                return Array.from(document.querySelectorAll('#' + arguments[0] + '-section svg g.bar'))
                    .map(g => g.dataset.label + '=' + g.dataset.value);""", table);
    }

    private static List<String> steps(HeadlessChromium chromium) {
        return rows(chromium, "step-times").stream().map(r -> r.get("step")).toList();
    }

    /** A table's rows as key column -> value column, the values added up per key. */
    private static Map<String, BigDecimal> amounts(List<Map<String, String>> rows, String key, String value) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> row : rows) {
            sums.merge(row.get(key), new BigDecimal(row.get(value)), BigDecimal::add);
        }
        return sums;
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
