package ca.isp.billing.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.demo.DemoIspGenerator.Summary;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.PaymentFormat;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.RowFormat;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.UsageFormat;

class DemoIspGeneratorTest {

    static final LocalDate CYCLE = LocalDate.of(2025, 6, 1);
    static final long SEED = 42L;
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** 2^30 bytes. */
    static final long GIB = 1L << 30;

    @TempDir
    static Path root;

    static Summary summary;
    static Path reference;
    static Path usageInbox;
    static Path paymentInbox;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        reference = root.resolve("a/reference");
        usageInbox = root.resolve("a/inbox/usage");
        paymentInbox = root.resolve("a/inbox/payments");
        summary = new DemoIspGenerator(SEED, 200, CYCLE).generate(reference, usageInbox, paymentInbox);
    }

    // ------------------------------------------------------------ the files and their headers

    @Test
    void writesEveryFileWithTheHeaderOfFileFormatsMd() throws IOException {
        assertThat(read(reference.resolve("accounts.csv")).header).containsExactly("account_number", "name",
                "customer_type", "language", "email", "delivery", "billing_line1", "billing_line2", "billing_city",
                "billing_region", "billing_postal_code", "billing_country", "service_line1", "service_city",
                "service_county", "service_region", "service_postal_code", "service_country", "next_bill_date");
        assertThat(read(reference.resolve("plans.csv")).header).containsExactly("plan_code", "name_en", "name_fr",
                "kind", "monthly_price", "period_months", "included_gb", "overage_per_gb", "per_minute");
        assertThat(read(reference.resolve("subscriptions.csv")).header).containsExactly("subscription_id",
                "account_number", "plan_code", "service_id", "start_date", "end_date");
        assertThat(read(reference.resolve("tax-rates.csv")).header).containsExactly("country", "region", "tax_code",
                "name_en", "name_fr", "rate", "registration");
        assertThat(read(reference.resolve("opening-balances.csv")).header).containsExactly("account_number",
                "invoice_number", "invoice_date", "due_date", "amount");
        assertThat(read(usageInbox.resolve("usage-2025-06-01.csv")).header).containsExactly("record_id", "source",
                "service_id", "usage_type", "start_time", "quantity");
        assertThat(read(paymentInbox.resolve("payments-2025-06-01.csv")).header).containsExactly("payment_ref",
                "account_number", "received_on", "amount", "method");

        assertThat(fileNames(reference)).containsExactly("accounts.csv", "opening-balances.csv", "plans.csv",
                "subscriptions.csv", "tax-rates.csv");
        assertThat(fileNames(usageInbox)).containsExactly("usage-2025-06-01.csv");
        assertThat(fileNames(paymentInbox)).containsExactly("payments-2025-06-01.csv");
    }

    @Test
    void headersAreTheColumnsOfTheReadersFormats() throws IOException {
        List<String> accountColumns = new ArrayList<>(AccountFormat.INSTANCE.columns());
        accountColumns.remove("service_line2"); // the demo's service addresses fit on one line
        assertThat(read(reference.resolve("accounts.csv")).header).isEqualTo(accountColumns);
        assertThat(read(reference.resolve("plans.csv")).header).isEqualTo(PlanFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("subscriptions.csv")).header)
                .isEqualTo(SubscriptionFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("tax-rates.csv")).header).isEqualTo(TaxRateFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("opening-balances.csv")).header)
                .isEqualTo(OpeningBalanceFormat.INSTANCE.columns());
        assertThat(read(usageInbox.resolve("usage-2025-06-01.csv")).header)
                .isEqualTo(UsageFormat.INSTANCE.columns());
        assertThat(read(paymentInbox.resolve("payments-2025-06-01.csv")).header)
                .isEqualTo(PaymentFormat.INSTANCE.columns());
    }

    @Test
    void theReadersAcceptEveryLineButTheBadOnesOnPurpose() throws IOException {
        assertThat(readWithFormat(reference.resolve("accounts.csv"), AccountFormat.INSTANCE))
                .containsExactly(summary.accounts(), 0);
        assertThat(readWithFormat(reference.resolve("plans.csv"), PlanFormat.INSTANCE)).containsExactly(7, 0);
        assertThat(readWithFormat(reference.resolve("subscriptions.csv"), SubscriptionFormat.INSTANCE))
                .containsExactly(summary.subscriptions(), 0);
        assertThat(readWithFormat(reference.resolve("tax-rates.csv"), TaxRateFormat.INSTANCE)).containsExactly(9, 0);
        assertThat(readWithFormat(reference.resolve("opening-balances.csv"), OpeningBalanceFormat.INSTANCE))
                .containsExactly(summary.openingBalances(), 0);
        // unknown services and the unknown account parse: the job rejects them later, by lookup
        assertThat(readWithFormat(usageInbox.resolve("usage-2025-06-01.csv"), UsageFormat.INSTANCE))
                .containsExactly(summary.usageRecords() + summary.unknownServiceUsage(), summary.malformedUsageLines());
        assertThat(readWithFormat(paymentInbox.resolve("payments-2025-06-01.csv"), PaymentFormat.INSTANCE))
                .containsExactly(summary.payments(), summary.malformedPaymentLines());
    }

    @Test
    void filesAreUtf8WithUnixLineEndsAndQuotedCommas() throws IOException {
        String accounts = Files.readString(reference.resolve("accounts.csv"), StandardCharsets.UTF_8);
        assertThat(accounts).doesNotContain("\r").startsWith("account_number,name,customer_type,");
        // "1234, rue Saint-Denis": the comma of a Quebec address forces RFC 4180 quotes
        assertThat(accounts).containsPattern("\"\\d+, (rue|boulevard|avenue|chemin|Grande|3e|montée) ");
    }

    // ------------------------------------------------------------ the summary tells the truth

    @Test
    void summaryCountsWhatTheFilesHold() throws IOException {
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records;
        long due = accounts.stream().filter(a -> a.get("next_bill_date").equals(CYCLE.toString())).count();
        long notDue = accounts.stream().filter(a -> a.get("next_bill_date").equals(CYCLE.plusDays(14).toString())).count();

        assertThat(summary.accounts()).isEqualTo(200).isEqualTo(accounts.size());
        assertThat(summary.dueAccounts()).isEqualTo((int) due);
        assertThat(due + notDue).isEqualTo(200);
        assertThat(notDue).as("about 4% not due this cycle").isBetween(1L, 20L);
        assertThat(summary.subscriptions()).isEqualTo(read(reference.resolve("subscriptions.csv")).records.size());
        assertThat(summary.openingBalances()).isEqualTo(read(reference.resolve("opening-balances.csv")).records.size());

        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records, serviceIds());
        assertThat(summary.usageRecords()).isEqualTo(usage.records.size());
        assertThat(summary.malformedUsageLines()).isEqualTo(usage.malformed.size());
        assertThat(summary.unknownServiceUsage()).isEqualTo(usage.unknown.size());

        List<CSVRecord> payments = read(paymentInbox.resolve("payments-2025-06-01.csv")).records;
        long malformedPayments = payments.stream().filter(p -> !wellFormedPayment(p)).count();
        assertThat(summary.malformedPaymentLines()).isEqualTo(2).isEqualTo((int) malformedPayments);
        assertThat(summary.payments()).isEqualTo(payments.size() - 2);
    }

    // ------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
        Path again = root.resolve("again");
        Summary second = new DemoIspGenerator(SEED, 200, CYCLE)
                .generate(again.resolve("reference"), again.resolve("usage"), again.resolve("payments"));
        Path other = root.resolve("other");
        new DemoIspGenerator(SEED + 1, 200, CYCLE)
                .generate(other.resolve("reference"), other.resolve("usage"), other.resolve("payments"));

        assertThat(second).isEqualTo(summary);
        Map<String, String> first = digests(reference, usageInbox, paymentInbox);
        assertThat(first).hasSize(7);
        assertThat(digests(again.resolve("reference"), again.resolve("usage"), again.resolve("payments")))
                .isEqualTo(first);

        Map<String, String> different = digests(other.resolve("reference"), other.resolve("usage"),
                other.resolve("payments"));
        // the catalog is fixed; everything about customers changes with the seed
        assertThat(different.get("plans.csv")).isEqualTo(first.get("plans.csv"));
        assertThat(different.get("tax-rates.csv")).isEqualTo(first.get("tax-rates.csv"));
        for (String name : List.of("accounts.csv", "subscriptions.csv", "opening-balances.csv",
                "usage-2025-06-01.csv", "payments-2025-06-01.csv")) {
            assertThat(different.get(name)).as(name).isNotEqualTo(first.get(name));
        }
    }

    // ------------------------------------------------------------ accounts

    @Test
    void accountNumbersAreUniqueSixDigitsFrom100001() throws IOException {
        List<String> numbers = read(reference.resolve("accounts.csv")).records.stream()
                .map(a -> a.get("account_number")).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("\\d{6}"));
        assertThat(numbers.get(0)).isEqualTo("100001");
        assertThat(numbers.get(199)).isEqualTo("100200");
    }

    @Test
    void accountsLookLikeTheCustomersOfAQuebecBasedIsp() throws IOException {
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records;
        Map<String, Integer> regions = new TreeMap<>();
        accounts.forEach(a -> regions.merge(a.get("billing_region"), 1, Integer::sum));
        assertThat(regions.get("QC")).as("about 45%% in Quebec: %s", regions).isBetween(70, 110);
        assertThat(regions.get("ON")).as("about 25%% in Ontario: %s", regions).isBetween(30, 70);
        assertThat(regions.get("BC")).as("about 15%% in BC: %s", regions).isBetween(15, 45);
        assertThat(regions.keySet()).isSubsetOf("QC", "ON", "BC", "NY", "VT", "ME", "NH");

        List<CSVRecord> quebec = accounts.stream().filter(a -> a.get("billing_region").equals("QC")).toList();
        long french = quebec.stream().filter(a -> a.get("language").equals("fr")).count();
        assertThat((double) french / quebec.size()).as("about 85% of Quebec in French").isBetween(0.70, 0.95);

        long commercial = accounts.stream().filter(a -> a.get("customer_type").equals("COMMERCIAL")).count();
        assertThat(commercial).as("about 15% commercial").isBetween(15L, 50L);
        assertThat(accounts).allMatch(a -> Set.of("RESIDENTIAL", "COMMERCIAL").contains(a.get("customer_type")));
        assertThat(accounts).allMatch(a -> Set.of("en", "fr").contains(a.get("language")));
        assertThat(accounts).allMatch(a -> Set.of("EMAIL", "MAIL", "BOTH").contains(a.get("delivery")));
        long email = accounts.stream().filter(a -> a.get("delivery").equals("EMAIL")).count();
        assertThat(email).as("about 55% by email").isBetween(90L, 130L);

        long movedService = accounts.stream()
                .filter(a -> !a.get("service_line1").equals(a.get("billing_line1"))).count();
        assertThat(movedService).as("about 5% served elsewhere").isBetween(2L, 25L);
    }

    @Test
    void frenchNamesCarryTheirAccents() throws IOException {
        List<String> frenchPeople = read(reference.resolve("accounts.csv")).records.stream()
                .filter(a -> a.get("language").equals("fr") && a.get("customer_type").equals("RESIDENTIAL"))
                .map(a -> a.get("name")).toList();
        assertThat(frenchPeople).hasSizeGreaterThan(40);
        long accented = frenchPeople.stream().filter(name -> name.matches(".*[À-ÿœ].*")).count();
        assertThat((double) accented / frenchPeople.size()).as("share with an accent").isGreaterThan(0.6);

        assertThat(read(reference.resolve("plans.csv")).records.stream().map(p -> p.get("name_fr")))
                .contains("Téléphonie résidentielle", "Téléphonie affaires", "Fibre 300 trimestriel");
    }

    @Test
    void addressesHaveTheirCountrysPostalFormat() throws IOException {
        for (CSVRecord a : read(reference.resolve("accounts.csv")).records) {
            for (String side : List.of("billing", "service")) {
                String country = a.get(side + "_country");
                String postal = a.get(side + "_postal_code");
                assertThat(a.get(side + "_line1")).as(side + " line1 of " + a.get("account_number")).isNotBlank();
                assertThat(a.get(side + "_city")).isNotBlank();
                if (country.equals("CA")) {
                    assertThat(postal).matches("[ABCEGHJKLMNPRSTVXY]\\d[A-Z] \\d[ABCEGHJKLMNPRSTVWXYZ]\\d");
                } else {
                    assertThat(country).isEqualTo("US");
                    assertThat(postal).matches("\\d{5}");
                }
            }
            // tax follows the county in the US; Canada does not use counties
            if (a.get("service_country").equals("US")) {
                assertThat(a.get("service_county")).isNotBlank();
            } else {
                assertThat(a.get("service_county")).isEmpty();
            }
            if (a.get("billing_region").equals("QC")) {
                assertThat(a.get("billing_line1")).matches("\\d+, .+");
            }
        }
    }

    @Test
    void emailsUseOnlyTheExampleDomainsAndAsciiLocalParts() throws IOException {
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records;
        List<String> emails = accounts.stream().map(a -> a.get("email")).filter(e -> !e.isEmpty()).toList();
        assertThat(emails).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z0-9][a-z0-9.-]*@example\\.(ca|com)"), "ascii @example.ca/.com");
        assertThat(accounts).filteredOn(a -> !a.get("delivery").equals("MAIL"))
                .allMatch(a -> !a.get("email").isEmpty(), "email delivery has an address");
        assertThat(DemoNames.emailLocalPart("Hélène Côté")).isEqualTo("helene.cote");
        assertThat(DemoNames.emailLocalPart("Dupont & Fils ltée")).isEqualTo("dupont.fils.ltee");
        assertThat(DemoNames.emailLocalPart("Ryan O'Brien")).isEqualTo("ryan.obrien");
    }

    // ------------------------------------------------------------ plans, subscriptions, taxes

    @Test
    void everySubscriptionPointsAtAnExistingAccountAndPlan() throws IOException {
        Set<String> accounts = column(reference.resolve("accounts.csv"), "account_number");
        Map<String, CSVRecord> plans = byKey(read(reference.resolve("plans.csv")).records, "plan_code");
        List<CSVRecord> subscriptions = read(reference.resolve("subscriptions.csv")).records;

        assertThat(subscriptions).allMatch(s -> accounts.contains(s.get("account_number")), "account exists")
                .allMatch(s -> plans.containsKey(s.get("plan_code")), "plan exists")
                .allMatch(s -> s.get("subscription_id").matches("S" + s.get("account_number") + "-\\d"));
        assertThat(subscriptions.stream().map(s -> s.get("subscription_id"))).doesNotHaveDuplicates();
        assertThat(subscriptions.stream().map(s -> s.get("service_id"))).doesNotHaveDuplicates();

        Map<String, Integer> internetPerAccount = new HashMap<>();
        for (CSVRecord s : subscriptions) {
            CSVRecord plan = plans.get(s.get("plan_code"));
            if (plan.get("kind").equals("INTERNET")) {
                internetPerAccount.merge(s.get("account_number"), 1, Integer::sum);
                assertThat(s.get("service_id")).isEqualTo("u" + s.get("account_number") + "@nli.example");
            } else {
                assertThat(s.get("service_id")).matches("[2-9]\\d{2}[2-9]\\d{6}");
            }
        }
        assertThat(internetPerAccount).hasSize(200).allSatisfy((account, count) -> assertThat(count).isOne());
        long phones = subscriptions.size() - 200;
        assertThat(phones).as("about 35% with a phone line").isBetween(50L, 110L);
    }

    @Test
    void commercialAccountsHaveCommercialPlansOnly() throws IOException {
        Map<String, String> types = new HashMap<>();
        read(reference.resolve("accounts.csv")).records
                .forEach(a -> types.put(a.get("account_number"), a.get("customer_type")));
        Set<String> commercialPlans = Set.of("BUSINESS-500", "PHONE-BUSINESS");
        for (CSVRecord s : read(reference.resolve("subscriptions.csv")).records) {
            boolean commercial = types.get(s.get("account_number")).equals("COMMERCIAL");
            assertThat(commercialPlans.contains(s.get("plan_code"))).as(s.get("subscription_id")).isEqualTo(commercial);
        }
    }

    @Test
    void startAndEndDatesCoverNewCancelledAndLongStandingService() throws IOException {
        List<CSVRecord> subscriptions = read(reference.resolve("subscriptions.csv")).records;
        LocalDate lastMonth = CYCLE.minusMonths(1);
        int longStanding = 0;
        int joinedLastMonth = 0;
        int startsThisPeriod = 0;
        for (CSVRecord s : subscriptions) {
            LocalDate start = LocalDate.parse(s.get("start_date"));
            if (start.isAfter(CYCLE)) {
                startsThisPeriod++;
                assertThat(start).isBetween(CYCLE.plusDays(5), CYCLE.plusDays(25));
            } else if (!start.isBefore(lastMonth)) {
                joinedLastMonth++;
            } else {
                longStanding++;
                assertThat(start).isAfter(CYCLE.minusYears(5).minusDays(1));
            }
            if (!s.get("end_date").isEmpty()) {
                LocalDate end = LocalDate.parse(s.get("end_date"));
                int months = s.get("plan_code").equals("FIBRE-300-Q") ? 3 : 1;
                // cancelled inside the coming period: the last charge is prorated
                assertThat(end).isAfter(CYCLE).isBefore(CYCLE.plusMonths(months).minusDays(1));
            }
        }
        assertThat(longStanding).isGreaterThan(subscriptions.size() * 8 / 10);
        assertThat(joinedLastMonth).isPositive();
        assertThat(startsThisPeriod).isPositive();
    }

    @Test
    void everyRegionServedHasItsTaxes() throws IOException {
        List<CSVRecord> rates = read(reference.resolve("tax-rates.csv")).records;
        Set<String> jurisdictions = new HashSet<>();
        rates.forEach(r -> jurisdictions.add(r.get("country") + "-" + r.get("region")));
        for (CSVRecord a : read(reference.resolve("accounts.csv")).records) {
            assertThat(jurisdictions).contains(a.get("service_country") + "-" + a.get("service_region"));
        }
        Map<String, String> rateOf = new HashMap<>();
        rates.forEach(r -> rateOf.put(r.get("region") + "-" + r.get("tax_code"), r.get("rate")));
        assertThat(rateOf).containsEntry("QC-GST", "0.05").containsEntry("QC-QST", "0.09975")
                .containsEntry("ON-HST", "0.13").containsEntry("BC-GST", "0.05").containsEntry("BC-PST", "0.07")
                .containsEntry("NY-STATE", "0.04").containsEntry("VT-STATE", "0.06")
                .containsEntry("ME-STATE", "0.055").containsEntry("NH-STATE", "0");
        assertThat(rates).allMatch(r -> !r.get("name_en").isBlank() && !r.get("name_fr").isBlank());
    }

    @Test
    void openBalanceAmountsAreTheMonthlyChargesWithTaxRoundedPerTax() {
        // QC, Essential 50: GST 54.95 x 0.05 = 2.7475 -> 2.75; QST 54.95 x 0.09975 = 5.4812625 -> 5.48;
        // 54.95 + 2.75 + 5.48 = 63.18
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("54.95"), DemoCatalog.taxRatesFor("CA", "QC")))
                .isEqualByComparingTo("63.18");
        // ON, Fibre 300 + Home Phone: 79.95 + 24.95 = 104.90; HST 104.90 x 0.13 = 13.637 -> 13.64; 118.54
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("104.90"), DemoCatalog.taxRatesFor("CA", "ON")))
                .isEqualByComparingTo("118.54");
        // BC, Fibre 1 Gig: GST 99.95 x 0.05 = 4.9975 -> 5.00; PST 99.95 x 0.07 = 6.9965 -> 7.00; 111.95
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("99.95"), DemoCatalog.taxRatesFor("CA", "BC")))
                .isEqualByComparingTo("111.95");
        // NH: no sales tax, 99.95 x 0 = 0.00; 99.95
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("99.95"), DemoCatalog.taxRatesFor("US", "NH")))
                .isEqualByComparingTo("99.95");
    }

    // ------------------------------------------------------------ opening balances

    @Test
    void openingBalancesAreLastMonthsInvoicesOfDueAccounts() throws IOException {
        Map<String, CSVRecord> accounts = byKey(read(reference.resolve("accounts.csv")).records, "account_number");
        List<CSVRecord> balances = read(reference.resolve("opening-balances.csv")).records;
        assertThat(balances.stream().map(b -> b.get("invoice_number"))).doesNotHaveDuplicates();
        int older = 0;
        for (CSVRecord b : balances) {
            CSVRecord account = accounts.get(b.get("account_number"));
            assertThat(account.get("next_bill_date")).isEqualTo(CYCLE.toString());
            LocalDate invoiceDate = LocalDate.parse(b.get("invoice_date"));
            assertThat(invoiceDate).isIn(CYCLE.minusMonths(1), CYCLE.minusMonths(2));
            older += invoiceDate.equals(CYCLE.minusMonths(2)) ? 1 : 0;
            assertThat(LocalDate.parse(b.get("due_date"))).isEqualTo(invoiceDate.plusDays(21));
            assertThat(b.get("invoice_number"))
                    .isEqualTo(b.get("account_number") + "-" + invoiceDate.format(DateTimeFormatter.BASIC_ISO_DATE));
            // cheapest month: Essential 50 alone, untaxed in NH = 54.95; dearest: a business with two lines
            assertThat(b.get("amount")).matches("\\d+\\.\\d\\d");
            assertThat(new BigDecimal(b.get("amount"))).isBetween(new BigDecimal("54.95"), new BigDecimal("400.00"));
        }
        int due = summary.dueAccounts();
        assertThat(balances.size() - older).as("about 60% of due accounts").isBetween(due * 45 / 100, due * 75 / 100);
        assertThat(older).as("about 6% of due accounts").isBetween(3, due * 12 / 100);
    }

    // ------------------------------------------------------------ usage

    @Test
    void usageCoversLastMonthWithSomeCustomersOverTheirAllowance() throws IOException {
        Map<String, CSVRecord> subscriptions = byKey(read(reference.resolve("subscriptions.csv")).records, "service_id");
        Map<String, CSVRecord> plans = byKey(read(reference.resolve("plans.csv")).records, "plan_code");
        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records, subscriptions.keySet());

        Map<String, Long> bytes = new TreeMap<>();
        for (CSVRecord r : usage.records) {
            LocalDateTime start = LocalDateTime.parse(r.get("start_time"), TIMESTAMP);
            assertThat(start).isBetween(CYCLE.minusMonths(1).atStartOfDay(), CYCLE.atStartOfDay().minusSeconds(1));
            long quantity = Long.parseLong(r.get("quantity"));
            if (r.get("usage_type").equals("VOICE")) {
                assertThat(quantity).isBetween(5L, 3600L);
                assertThat(r.get("source")).startsWith("voip-");
            } else {
                assertThat(r.get("source")).startsWith("radius-");
                bytes.merge(r.get("service_id"), quantity, Long::sum);
            }
        }

        int capped = 0;
        int over = 0;
        for (Map.Entry<String, Long> entry : bytes.entrySet()) {
            CSVRecord plan = plans.get(subscriptions.get(entry.getKey()).get("plan_code"));
            if (plan.get("included_gb").isEmpty()) {
                continue;
            }
            capped++;
            long included = Long.parseLong(plan.get("included_gb"));
            long total = entry.getValue();
            if (total > included * 1_000_000_000L) {
                over++;
                // over by 1 to 80 GiB (+ up to half a GiB): over under either definition of a GB
                assertThat(total).isGreaterThan((included + 1) * GIB).isLessThan((included + 81) * GIB);
            }
        }
        assertThat((double) over / capped).as("about 20%% of %d capped customers over", capped).isBetween(0.10, 0.32);
    }

    @Test
    void usageHasEveryKindOfBadLineUnknownServicesAndOneDuplicate() throws IOException {
        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records, serviceIds());
        int lines = usage.records.size() + usage.malformed.size() + usage.unknown.size();

        assertThat(usage.malformed.size()).as("about 0.5%% of %d lines", lines)
                .isBetween(6, Math.max(6, lines / 100));
        assertThat(usage.malformed).anyMatch(r -> r.size() < 6)
                .anyMatch(r -> r.size() == 6 && r.get("quantity").startsWith("-"))
                .anyMatch(r -> r.size() == 6 && r.get("quantity").matches(".*[^0-9-].*"))
                .anyMatch(r -> r.get("usage_type").equals("SMS"))
                .anyMatch(r -> r.get("service_id").isEmpty())
                .anyMatch(r -> !r.get("start_time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
        // the bad lines are spread through the file, not bunched at its end
        assertThat(usage.malformed.get(0).getRecordNumber()).isLessThan(lines / 2);

        assertThat(usage.unknown).hasSizeBetween(2, Math.max(2, lines / 200));

        Map<String, List<CSVRecord>> byKey = new HashMap<>();
        for (CSVRecord r : usage.records) {
            byKey.computeIfAbsent(r.get("source") + "|" + r.get("record_id"), key -> new ArrayList<>()).add(r);
        }
        List<List<CSVRecord>> repeated = byKey.values().stream().filter(list -> list.size() > 1).toList();
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0)).hasSize(2);
        assertThat(repeated.get(0).get(0).values()).isEqualTo(repeated.get(0).get(1).values());
    }

    @Test
    void aLargeExportIsSplitIntoNumberedFilesHoldingTheSameLines() throws IOException {
        Path split = root.resolve("split");
        Summary splitSummary = new DemoIspGenerator(SEED, 200, CYCLE, 500)
                .generate(split.resolve("reference"), split.resolve("usage"), split.resolve("payments"));
        assertThat(splitSummary).isEqualTo(summary);

        List<String> parts = fileNames(split.resolve("usage"));
        int expectedParts = (int) Math.ceil((summary.usageRecords() + summary.malformedUsageLines()
                + summary.unknownServiceUsage()) / 499.0);
        assertThat(parts).hasSize(expectedParts);
        List<String> joined = new ArrayList<>();
        for (int part = 1; part <= expectedParts; part++) {
            Path file = split.resolve("usage").resolve("usage-2025-06-01-" + part + ".csv");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSizeLessThanOrEqualTo(500);
            assertThat(lines.get(0)).isEqualTo("record_id,source,service_id,usage_type,start_time,quantity");
            joined.addAll(lines.subList(1, lines.size()));
        }
        List<String> whole = Files.readAllLines(usageInbox.resolve("usage-2025-06-01.csv"), StandardCharsets.UTF_8);
        assertThat(joined).isEqualTo(whole.subList(1, whole.size()));
    }

    // ------------------------------------------------------------ payments

    @Test
    void paymentsPayOpenInvoicesInFullInPartOrNotAtAll() throws IOException {
        Map<String, BigDecimal> owed = new TreeMap<>();
        Map<String, LocalDate> firstInvoice = new HashMap<>();
        for (CSVRecord b : read(reference.resolve("opening-balances.csv")).records) {
            owed.merge(b.get("account_number"), new BigDecimal(b.get("amount")), BigDecimal::add);
            firstInvoice.merge(b.get("account_number"), LocalDate.parse(b.get("invoice_date")),
                    (x, y) -> x.isBefore(y) ? x : y);
        }
        List<CSVRecord> payments = read(paymentInbox.resolve("payments-2025-06-01.csv")).records;
        assertThat(payments.stream().map(p -> p.get("payment_ref"))).doesNotHaveDuplicates()
                .allMatch(ref -> ref.matches("PMT-20250601\\d{6}"));

        Map<String, BigDecimal> paid = new TreeMap<>();
        int unknownAccount = 0;
        for (CSVRecord p : payments.stream().filter(DemoIspGeneratorTest::wellFormedPayment).toList()) {
            assertThat(p.get("method")).isIn("BANK", "CARD", "CHEQUE");
            if (p.get("account_number").equals("999999")) {
                unknownAccount++;
                continue;
            }
            String account = p.get("account_number");
            assertThat(owed).containsKey(account);
            assertThat(LocalDate.parse(p.get("received_on")))
                    .isBetween(firstInvoice.get(account), CYCLE.minusDays(1));
            paid.merge(account, new BigDecimal(p.get("amount")), BigDecimal::add);
        }
        assertThat(unknownAccount).isOne();
        assertThat(paid).allSatisfy((account, amount) -> assertThat(amount).isLessThanOrEqualTo(owed.get(account)));

        long inFull = paid.entrySet().stream().filter(e -> e.getValue().compareTo(owed.get(e.getKey())) == 0).count();
        int invoices = summary.openingBalances();
        assertThat((double) inFull / invoices).as("about 70% paid in full").isBetween(0.60, 0.80);
        assertThat((double) (paid.size() - inFull) / invoices).as("about 10% paid in part").isBetween(0.05, 0.15);

        List<CSVRecord> malformed = payments.stream().filter(p -> !wellFormedPayment(p)).toList();
        assertThat(malformed).extracting(p -> p.get("amount")).contains("12.345");
        assertThat(malformed).anyMatch(p -> p.get("account_number").isEmpty());
    }

    // ------------------------------------------------------------ other sizes and dates

    @Test
    void aOneAccountDemoStillShowsEveryKindOfProblem() throws IOException {
        Path tiny = root.resolve("tiny");
        Summary one = new DemoIspGenerator(7L, 1, CYCLE)
                .generate(tiny.resolve("reference"), tiny.resolve("usage"), tiny.resolve("payments"));
        assertThat(one.accounts()).isOne();
        assertThat(one.malformedUsageLines()).isGreaterThanOrEqualTo(6);
        assertThat(one.unknownServiceUsage()).isGreaterThanOrEqualTo(2);
        assertThat(one.malformedPaymentLines()).isEqualTo(2);
        assertThat(one.payments()).isGreaterThanOrEqualTo(1);
        assertThat(read(tiny.resolve("payments").resolve("payments-2025-06-01.csv")).records)
                .anyMatch(p -> p.get("account_number").equals("999999"));
    }

    @Test
    void aCycleAtTheEndOfAMonthKeepsUsageInsideTheShortPreviousMonth() throws IOException {
        // 2024-03-31 minus one month is 2024-02-29 (leap year): usage is in [2024-02-29, 2024-03-31)
        LocalDate cycle = LocalDate.of(2024, 3, 31);
        Path march = root.resolve("march");
        new DemoIspGenerator(3L, 150, cycle).generate(march.resolve("reference"), march.resolve("usage"),
                march.resolve("payments"));
        UsageLines usage = classifyUsage(read(march.resolve("usage").resolve("usage-2024-03-31.csv")).records,
                column(march.resolve("reference").resolve("subscriptions.csv"), "service_id"));
        assertThat(usage.records).allSatisfy(r -> assertThat(LocalDateTime.parse(r.get("start_time"), TIMESTAMP))
                .isBetween(LocalDateTime.of(2024, 2, 29, 0, 0), LocalDateTime.of(2024, 3, 30, 23, 59, 59)));
        assertThat(read(march.resolve("reference").resolve("opening-balances.csv")).records)
                .allMatch(b -> Set.of("2024-02-29", "2024-01-31").contains(b.get("invoice_date")));
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThatThrownBy(() -> new DemoIspGenerator(1L, 0, CYCLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts");
        assertThatThrownBy(() -> new DemoIspGenerator(1L, 900_000, CYCLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("899998");
        assertThatThrownBy(() -> new DemoIspGenerator(1L, 10, null)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------ helpers

    record Csv(List<String> header, List<CSVRecord> records) {
    }

    record UsageLines(List<CSVRecord> records, List<CSVRecord> malformed, List<CSVRecord> unknown) {
    }

    static Csv read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return new Csv(parser.getHeaderNames(), parser.getRecords());
        }
    }

    /** {rows read, lines rejected} when the file is read as the import or the ingest job reads it. */
    static int[] readWithFormat(Path file, RowFormat<?> format) throws IOException {
        int[] counts = new int[2];
        try (CsvRowReader<?> reader = CsvRowReader.open(file, format)) {
            reader.forEachRemaining(parsed -> counts[parsed instanceof Parsed.Ok ? 0 : 1]++);
        }
        return counts;
    }

    /** Sorts usage lines the way the ingest job must: bad lines, unknown services, good records. */
    static UsageLines classifyUsage(List<CSVRecord> lines, Set<String> knownServices) {
        List<CSVRecord> records = new ArrayList<>();
        List<CSVRecord> malformed = new ArrayList<>();
        List<CSVRecord> unknown = new ArrayList<>();
        for (CSVRecord line : lines) {
            if (!wellFormedUsage(line)) {
                malformed.add(line);
            } else if (!knownServices.contains(line.get("service_id"))) {
                unknown.add(line);
            } else {
                records.add(line);
            }
        }
        return new UsageLines(records, malformed, unknown);
    }

    static boolean wellFormedUsage(CSVRecord line) {
        if (line.size() != 6 || line.get("record_id").isEmpty() || line.get("source").isEmpty()
                || line.get("service_id").isEmpty() || !Set.of("DATA", "VOICE").contains(line.get("usage_type"))
                || !line.get("quantity").matches("\\d+")) {
            return false;
        }
        try {
            LocalDateTime.parse(line.get("start_time"), TIMESTAMP);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean wellFormedPayment(CSVRecord line) {
        return line.size() == 5 && !line.get("payment_ref").isEmpty() && !line.get("account_number").isEmpty()
                && line.get("received_on").matches("\\d{4}-\\d\\d-\\d\\d")
                && line.get("amount").matches("\\d+(\\.\\d{1,2})?") && new BigDecimal(line.get("amount")).signum() > 0;
    }

    static Set<String> serviceIds() throws IOException {
        return column(reference.resolve("subscriptions.csv"), "service_id");
    }

    static Set<String> column(Path file, String name) throws IOException {
        Set<String> values = new HashSet<>();
        read(file).records.forEach(r -> values.add(r.get(name)));
        return values;
    }

    static Map<String, CSVRecord> byKey(List<CSVRecord> records, String key) {
        Map<String, CSVRecord> map = new HashMap<>();
        records.forEach(r -> map.put(r.get(key), r));
        return map;
    }

    static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** File name -> SHA-256 of its bytes, for every file in the directories. */
    static Map<String, String> digests(Path... directories) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Path directory : directories) {
            for (String name : fileNames(directory)) {
                digests.put(name, sha256(Files.readAllBytes(directory.resolve(name))));
            }
        }
        return digests;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
