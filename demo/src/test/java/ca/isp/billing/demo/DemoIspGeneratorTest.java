package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.TIMESTAMP;
import static ca.isp.billing.demo.DemoCsvFiles.classifyUsage;
import static ca.isp.billing.demo.DemoCsvFiles.column;
import static ca.isp.billing.demo.DemoCsvFiles.digests;
import static ca.isp.billing.demo.DemoCsvFiles.fileNames;
import static ca.isp.billing.demo.DemoCsvFiles.read;
import static ca.isp.billing.demo.DemoCsvFiles.readWithFormat;
import static ca.isp.billing.demo.DemoCsvFiles.serviceIds;
import static ca.isp.billing.demo.DemoCsvFiles.wellFormedPayment;
import static ca.isp.billing.demo.GeneratedIsp.CYCLE;
import static ca.isp.billing.demo.GeneratedIsp.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.demo.DemoCsvFiles.UsageLines;
import ca.isp.billing.demo.DemoIspGenerator.Summary;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.PaymentFormat;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.TaxJurisdictionFormat;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRuleFormat;
import ca.isp.billing.readers.UsageFormat;

/** The demo as a whole: its files, what the summary says, determinism, other sizes and dates. */
class DemoIspGeneratorTest {

    @TempDir
    static Path root;

    static Summary summary;
    static Path reference;
    static Path usageInbox;
    static Path paymentInbox;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        summary = isp.summary();
        reference = isp.reference();
        usageInbox = isp.usageInbox();
        paymentInbox = isp.paymentInbox();
    }

    // ------------------------------------------------------------ the files and their headers

    @Test
    void writesEveryFileWithTheHeaderOfFileFormatsMd() throws IOException {
        assertThat(read(reference.resolve("accounts.csv")).header()).containsExactly("account_number", "name",
                "customer_type", "language", "email", "delivery", "billing_line1", "billing_line2", "billing_city",
                "billing_region", "billing_postal_code", "billing_country", "service_line1", "service_city",
                "service_county", "service_region", "service_postal_code", "service_country", "next_bill_date",
                "bill_day");
        assertThat(read(reference.resolve("plans.csv")).header()).containsExactly("plan_code", "name_en", "name_fr",
                "kind", "monthly_price", "period_months", "included_gb", "overage_per_gb", "per_minute", "term_price",
                "bills_while_suspended", "tax_class", "gl_account", "included_minutes", "price_from");
        assertThat(read(reference.resolve("subscriptions.csv")).header()).containsExactly("subscription_id",
                "account_number", "plan_code", "service_id", "start_date", "end_date", "quantity");
        assertThat(read(reference.resolve("tax-rates.csv")).header()).containsExactly("country", "region", "tax_code",
                "name_en", "name_fr", "rate", "registration", "jurisdiction", "effective_from", "effective_to",
                "gl_account");
        assertThat(read(reference.resolve("tax-jurisdictions.csv")).header()).containsExactly("country", "region",
                "postal_from", "postal_to", "street", "county", "city", "district");
        assertThat(read(reference.resolve("tax-rules.csv")).header()).containsExactly("country", "region",
                "tax_code", "tax_class", "taxable");
        assertThat(read(reference.resolve("opening-balances.csv")).header()).containsExactly("account_number",
                "invoice_number", "invoice_date", "due_date", "amount");
        assertThat(read(usageInbox.resolve("usage-2025-06-01.csv")).header()).containsExactly("record_id", "source",
                "service_id", "usage_type", "start_time", "quantity");
        assertThat(read(paymentInbox.resolve("payments-2025-06-01.csv")).header()).containsExactly("payment_ref",
                "account_number", "received_on", "amount", "method");

        assertThat(fileNames(reference)).containsExactly("accounts.csv", "opening-balances.csv", "plans.csv",
                "subscriptions.csv", "tax-jurisdictions.csv", "tax-rates.csv", "tax-rules.csv");
        assertThat(fileNames(usageInbox)).containsExactly("usage-2025-06-01.csv");
        assertThat(fileNames(paymentInbox)).containsExactly("payments-2025-06-01.csv");
    }

    @Test
    void headersAreTheColumnsOfTheReadersFormats() throws IOException {
        List<String> accountColumns = new ArrayList<>(AccountFormat.INSTANCE.columns());
        accountColumns.remove("service_line2"); // the demo's service addresses fit on one line
        accountColumns.remove("bill_day_from"); // and no demo account changes its bill day
        accountColumns.remove("penalty_class"); // nor has a penalty class: the company default
        assertThat(read(reference.resolve("accounts.csv")).header()).isEqualTo(accountColumns);
        assertThat(read(reference.resolve("plans.csv")).header()).isEqualTo(PlanFormat.INSTANCE.columns());
        // no demo subscription has a history: the columns up to quantity
        List<String> subscriptionColumns = SubscriptionFormat.INSTANCE.columns();
        assertThat(read(reference.resolve("subscriptions.csv")).header())
                .isEqualTo(subscriptionColumns.subList(0, subscriptionColumns.indexOf("quantity") + 1));
        assertThat(read(reference.resolve("tax-rates.csv")).header()).isEqualTo(TaxRateFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("tax-jurisdictions.csv")).header())
                .isEqualTo(TaxJurisdictionFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("tax-rules.csv")).header()).isEqualTo(TaxRuleFormat.INSTANCE.columns());
        assertThat(read(reference.resolve("opening-balances.csv")).header())
                .isEqualTo(OpeningBalanceFormat.INSTANCE.columns());
        assertThat(read(usageInbox.resolve("usage-2025-06-01.csv")).header())
                .isEqualTo(UsageFormat.INSTANCE.columns());
        // the first format's five columns (no batches, cheque numbers or reversals in the demo)
        assertThat(read(paymentInbox.resolve("payments-2025-06-01.csv")).header())
                .isEqualTo(PaymentFormat.INSTANCE.columns().subList(0, 5));
    }

    @Test
    void theReadersAcceptEveryLineButTheBadOnesOnPurpose() throws IOException {
        assertThat(readWithFormat(reference.resolve("accounts.csv"), AccountFormat.INSTANCE))
                .containsExactly(summary.accounts(), 0);
        assertThat(readWithFormat(reference.resolve("plans.csv"), PlanFormat.INSTANCE)).containsExactly(7, 0);
        assertThat(readWithFormat(reference.resolve("subscriptions.csv"), SubscriptionFormat.INSTANCE))
                .containsExactly(summary.subscriptions(), 0);
        // 14 rates: the 9 of the regions in force, an ended QST rate, 2 NY counties, 2 VT cities
        assertThat(readWithFormat(reference.resolve("tax-rates.csv"), TaxRateFormat.INSTANCE)).containsExactly(14, 0);
        assertThat(readWithFormat(reference.resolve("tax-jurisdictions.csv"), TaxJurisdictionFormat.INSTANCE))
                .containsExactly(4, 0);
        assertThat(readWithFormat(reference.resolve("tax-rules.csv"), TaxRuleFormat.INSTANCE)).containsExactly(2, 0);
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
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records();
        // due: the cycle date, or the day service started for a customer who joined last month
        long due = accounts.stream().filter(a -> !LocalDate.parse(a.get("next_bill_date")).isAfter(CYCLE)).count();
        long notDue = accounts.stream().filter(a -> a.get("next_bill_date").equals(CYCLE.plusDays(14).toString())).count();

        assertThat(summary.accounts()).isEqualTo(200).isEqualTo(accounts.size());
        assertThat(summary.dueAccounts()).isEqualTo((int) due);
        assertThat(due + notDue).isEqualTo(200);
        assertThat(notDue).as("about 4% not due this cycle").isBetween(1L, 20L);
        assertThat(summary.subscriptions()).isEqualTo(read(reference.resolve("subscriptions.csv")).records().size());
        assertThat(summary.openingBalances()).isEqualTo(read(reference.resolve("opening-balances.csv")).records().size());

        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records(), serviceIds(reference));
        assertThat(summary.usageRecords()).isEqualTo(usage.records().size());
        assertThat(summary.malformedUsageLines()).isEqualTo(usage.malformed().size());
        assertThat(summary.unknownServiceUsage()).isEqualTo(usage.unknown().size());

        List<CSVRecord> payments = read(paymentInbox.resolve("payments-2025-06-01.csv")).records();
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
        assertThat(first).hasSize(9);
        assertThat(digests(again.resolve("reference"), again.resolve("usage"), again.resolve("payments")))
                .isEqualTo(first);

        Map<String, String> different = digests(other.resolve("reference"), other.resolve("usage"),
                other.resolve("payments"));
        // the catalog is fixed; everything about customers changes with the seed
        assertThat(different.get("plans.csv")).isEqualTo(first.get("plans.csv"));
        assertThat(different.get("tax-rates.csv")).isEqualTo(first.get("tax-rates.csv"));
        assertThat(different.get("tax-jurisdictions.csv")).isEqualTo(first.get("tax-jurisdictions.csv"));
        assertThat(different.get("tax-rules.csv")).isEqualTo(first.get("tax-rules.csv"));
        for (String name : List.of("accounts.csv", "subscriptions.csv", "opening-balances.csv",
                "usage-2025-06-01.csv", "payments-2025-06-01.csv")) {
            assertThat(different.get(name)).as(name).isNotEqualTo(first.get(name));
        }
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
        assertThat(read(tiny.resolve("payments").resolve("payments-2025-06-01.csv")).records())
                .anyMatch(p -> p.get("account_number").equals("999999"));
    }

    @Test
    void aCycleAtTheEndOfAMonthKeepsUsageInsideTheShortPreviousMonth() throws IOException {
        // 2024-03-31 minus one month is 2024-02-29 (leap year): usage is in [2024-02-29, 2024-03-31)
        LocalDate cycle = LocalDate.of(2024, 3, 31);
        Path march = root.resolve("march");
        new DemoIspGenerator(3L, 150, cycle).generate(march.resolve("reference"), march.resolve("usage"),
                march.resolve("payments"));
        UsageLines usage = classifyUsage(read(march.resolve("usage").resolve("usage-2024-03-31.csv")).records(),
                column(march.resolve("reference").resolve("subscriptions.csv"), "service_id"));
        assertThat(usage.records()).allSatisfy(r -> assertThat(LocalDateTime.parse(r.get("start_time"), TIMESTAMP))
                .isBetween(LocalDateTime.of(2024, 2, 29, 0, 0), LocalDateTime.of(2024, 3, 30, 23, 59, 59)));
        assertThat(read(march.resolve("reference").resolve("opening-balances.csv")).records())
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
}
