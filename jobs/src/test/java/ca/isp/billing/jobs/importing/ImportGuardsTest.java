package ca.isp.billing.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Result;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.ChargeFormat;
import ca.isp.billing.readers.DiscountFormat;
import ca.isp.billing.readers.QuoteFormat;
import ca.isp.billing.readers.SubscriptionPriceFormat;
import ca.isp.billing.readers.OpeningBalanceFormat;
import ca.isp.billing.readers.PaymentFormat;
import ca.isp.billing.readers.ExclusionDateFormat;
import ca.isp.billing.readers.PenaltyClassFormat;
import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.RowFormat;
import ca.isp.billing.readers.SubscriptionFormat;
import ca.isp.billing.readers.TaxExemptionFormat;
import ca.isp.billing.readers.TaxJurisdictionFormat;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRuleFormat;
import ca.isp.billing.readers.UsageFormat;

/**
 * What the import does with values that do not fit or cannot be right: too long for their column,
 * amounts no ISP charges, dates a century away, identifiers that look like paths. Each is one
 * rejected line with its field and reason, and the good lines of the same file are imported.
 * Today is 2026-11-20 (PinnedClock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportGuardsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final String ACCOUNTS_HEADER = "account_number,name,customer_type,language,email,delivery,"
            + "billing_line1,billing_line2,billing_city,billing_region,billing_postal_code,billing_country,"
            + "service_line1,service_line2,service_city,service_county,service_region,service_postal_code,"
            + "service_country,next_bill_date";

    @BeforeAll
    void plansAndTaxes() throws IOException {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES);
    }

    /**
     * Each text column's limit in the readers is the size of the database column that stores it
     * (every one, when a value is stored twice), read from the schema Flyway made.
     */
    @Test
    @Order(0)
    void theReadersLimitsAreTheSchemasColumnSizes() {
        Map<RowFormat<?>, Map<String, List<String>>> stored = new HashMap<>(Map.of(
                AccountFormat.INSTANCE, Map.ofEntries(
                        Map.entry("account_number", List.of("account.account_number")),
                        Map.entry("name", List.of("account.name")), Map.entry("email", List.of("account.email")),
                        Map.entry("billing_line1", List.of("account.billing_line1")),
                        Map.entry("billing_line2", List.of("account.billing_line2")),
                        Map.entry("billing_city", List.of("account.billing_city")),
                        Map.entry("billing_region", List.of("account.billing_region")),
                        Map.entry("billing_postal_code", List.of("account.billing_postal_code")),
                        Map.entry("service_line1", List.of("account.service_line1")),
                        // not stored: sized like billing_line2
                        Map.entry("service_line2", List.of("account.billing_line2")),
                        Map.entry("service_city", List.of("account.service_city")),
                        Map.entry("service_county", List.of("account.service_county")),
                        Map.entry("service_region", List.of("account.service_region")),
                        Map.entry("service_postal_code", List.of("account.service_postal_code")),
                        Map.entry("penalty_class", List.of("account.penalty_class", "penalty_class.code"))),
                PlanFormat.INSTANCE, Map.of("plan_code", List.of("plan.code", "subscription.plan_code"),
                        "name_en", List.of("plan.name_en"), "name_fr", List.of("plan.name_fr"),
                        "gl_account", List.of("plan.gl_account")),
                SubscriptionFormat.INSTANCE, Map.of("subscription_id", List.of("subscription.subscription_id"),
                        "account_number", List.of("account.account_number"),
                        "plan_code", List.of("plan.code", "subscription.plan_code"),
                        "service_id", List.of("service_identifier.service_id", "usage_record.service_id")),
                TaxRateFormat.INSTANCE, Map.of("region", List.of("tax_rate.region", "tax_line.region"),
                        "tax_code", List.of("tax_rate.tax_code", "tax_line.tax_code"),
                        "name_en", List.of("tax_rate.name_en"), "name_fr", List.of("tax_rate.name_fr"),
                        "registration", List.of("tax_rate.registration"),
                        "jurisdiction", List.of("tax_rate.jurisdiction", "tax_line.jurisdiction"),
                        "gl_account", List.of("tax_rate.gl_account")),
                TaxJurisdictionFormat.INSTANCE, Map.of("region", List.of("tax_postal_area.region"),
                        "street", List.of("tax_postal_area.street"),
                        "county", List.of("tax_postal_area.county", "tax_rate.jurisdiction"),
                        "city", List.of("tax_postal_area.city", "tax_rate.jurisdiction"),
                        "district", List.of("tax_postal_area.district", "tax_rate.jurisdiction")),
                TaxRuleFormat.INSTANCE, Map.of("region", List.of("tax_rule.region"),
                        "tax_code", List.of("tax_rule.tax_code")),
                TaxExemptionFormat.INSTANCE, Map.of("account_number", List.of("account.account_number"),
                        "certificate", List.of("tax_exemption.certificate", "tax_line.exemption"),
                        "tax_codes", List.of("tax_exemption.tax_codes")),
                OpeningBalanceFormat.INSTANCE, Map.of("account_number", List.of("account.account_number"),
                        "invoice_number", List.of("invoice.invoice_number", "account_ledger.reference")),
                UsageFormat.INSTANCE, Map.of("record_id", List.of("usage_record.record_id"),
                        "source", List.of("usage_record.source"), "service_id", List.of("usage_record.service_id")),
                PaymentFormat.INSTANCE, Map.of("payment_ref", List.of("payment.payment_ref", "account_ledger.reference",
                                "payment_suspense.payment_ref", "payment_reversal.reversal_ref"),
                        "account_number", List.of("account.account_number", "payment_suspense.account_number"),
                        "method", List.of("payment.method", "payment_suspense.method"),
                        "invoice_number", List.of("invoice.invoice_number", "payment.invoice_number",
                                "payment_suspense.invoice_number"),
                        "deposit_batch", List.of("payment.deposit_batch", "payment_suspense.deposit_batch",
                                "deposit_slip.deposit_batch"),
                        "cheque_number", List.of("payment.cheque_number", "payment_suspense.cheque_number"),
                        "reverses", List.of("payment_reversal.original_ref"))));
        stored.put(ChargeFormat.INSTANCE, Map.of("charge_ref", List.of("one_time_charge.charge_ref"),
                        "account_number", List.of("account.account_number"),
                        "description_en", List.of("one_time_charge.description_en"),
                        "description_fr", List.of("one_time_charge.description_fr"),
                        "reason", List.of("one_time_charge.reason")));

        stored.put(DiscountFormat.INSTANCE, Map.of("discount_ref", List.of("discount.discount_ref",
                        "invoice_line.item_discount_ref"),
                "account_number", List.of("account.account_number"),
                "subscription_id", List.of("discount.subscription_id", "subscription.subscription_id"),
                "reason", List.of("discount.reason")));
        stored.put(SubscriptionPriceFormat.INSTANCE, Map.of("subscription_id", List.of(
                "subscription_price.subscription_id", "subscription.subscription_id"),
                "plan_code", List.of("subscription_price.plan_code", "plan.code")));
        stored.put(QuoteFormat.INSTANCE, Map.of("quote_ref", List.of("quote.quote_ref", "quote_line.quote_ref"),
                "account_number", List.of("account.account_number"),
                "description_en", List.of("quote_line.description_en"),
                "description_fr", List.of("quote_line.description_fr")));
        stored.put(ExclusionDateFormat.INSTANCE, Map.of("name", List.of("collections_exclusion.name")));
        stored.put(PenaltyClassFormat.INSTANCE, Map.of("code", List.of("penalty_class.code", "late_fee.policy_code"),
                "penalised_kinds", List.of("penalty_class.penalised_kinds")));

        for (Map.Entry<RowFormat<?>, Map<String, List<String>>> format : stored.entrySet()) {
            Map<String, Integer> limits = format.getKey().maxLengths();
            assertThat(limits.keySet()).as(format.getKey().getClass().getSimpleName())
                    .isEqualTo(format.getValue().keySet());
            format.getValue().forEach((column, targets) -> {
                // the first column named is the one the value is sized by, the others hold it too
                assertThat(limits.get(column)).as(column).isEqualTo(columnSize(targets.get(0)));
                targets.forEach(target -> assertThat(limits.get(column)).as(target).isLessThanOrEqualTo(columnSize(target)));
            });
        }
    }

    private int columnSize(String tableAndColumn) {
        String[] parts = tableAndColumn.toUpperCase(java.util.Locale.ROOT).split("\\.");
        return jdbc.queryForObject("""
                SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?""", Integer.class, parts[0], parts[1]);
    }

    @Test
    @Order(1)
    void valuesTooLongOrTooLargeAreRejectedLinesAndTheRestIsImported() throws IOException {
        // given: a name of 201 characters (the column holds 200), a 10 MB name, an absurd price and balance
        String longName = "N".repeat(201);
        String hugeName = "H".repeat(10 * 1024 * 1024);
        Path accounts = write("accounts-long.csv", ACCOUNTS_HEADER,
                account("700001", "Good Customer", "2026-11-01"),
                account("700002", longName, "2026-11-01"),
                account("700003", hugeName, "2026-11-01"),
                account("700004", "Also Good", "2026-11-01"));
        Path plans = write("plans-absurd.csv",
                "plan_code,name_en,name_fr,kind,monthly_price,period_months,included_gb,overage_per_gb,per_minute",
                "GOOD-1,Good,Bon,INTERNET,45.00,1,,,",
                "ABSURD-1,Absurd,Absurde,INTERNET,99999999999999.99,1,,,",
                "ABSURD-2,Absurd,Absurde,INTERNET,45.00,1,100,99999999999999.99,");
        Path balances = write("balances-absurd.csv", "account_number,invoice_number,invoice_date,due_date,amount",
                "700001,OLD-7001,2026-10-01,2026-10-21,50.00",
                "700004,OLD-7004,2026-10-01,2026-10-21,99999999999999.99");

        // when
        Result accountResult = importer.importFile(Kind.ACCOUNTS, accounts);
        Result planResult = importer.importFile(Kind.PLANS, plans);
        Result balanceResult = importer.importFile(Kind.OPENING_BALANCES, balances);

        // then: 4 accounts = 2 inserted + 2 rejected (line 3: 201 characters, line 4: a line over 64 KiB)
        assertThat(accountResult.inserted()).as(accountResult.describe()).isEqualTo(2);
        assertThat(rejects(accountResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("3", "name", "longer than 200 characters: '" + "N".repeat(40) + "…' (201 characters)"),
                        tuple("4", "", "longer than 65536 characters: cut there, the rest of the line skipped"));
        assertThat(jdbc.queryForList("SELECT account_number FROM account ORDER BY 1", String.class))
                .containsExactly("700001", "700004");
        // 3 plans = 1 inserted + 2 rejected: a price and a rate no ISP charges
        assertThat(planResult.inserted()).as(planResult.describe()).isEqualTo(1);
        assertThat(rejects(planResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("3", "monthly_price", "above the plausible maximum 100000.00: '99999999999999.99'"),
                        tuple("4", "overage_per_gb", "above the plausible maximum 1000.00: '99999999999999.99'"));
        // 2 balances = 1 inserted + 1 rejected
        assertThat(balanceResult.inserted()).as(balanceResult.describe()).isEqualTo(1);
        assertThat(rejects(balanceResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("3", "amount", "above the plausible maximum 1000000.00: '99999999999999.99'"));
    }

    @Test
    @Order(2)
    void datesOutsideTheirPlausibleWindowAreRejected() throws IOException {
        // given: next bill dates in 1900 and 2099 (window: a year either side of today, 2025-11-20..2027-11-20),
        // a subscription from 1900 (30 years back, 10 ahead: 1996-11-20..2036-11-20) and a balance
        // from 1900 (5 years back, 3 months ahead: 2021-11-20..2027-02-20)
        Path accounts = write("accounts-dates.csv", ACCOUNTS_HEADER,
                account("710001", "Far Past", "1900-01-01"),
                account("710002", "Far Future", "2099-01-01"),
                account("710003", "Today", "2026-11-20"));
        Path subscriptions = write("subscriptions-dates.csv",
                "subscription_id,account_number,plan_code,service_id,start_date,end_date",
                "S710003-1,710003,FIBRE-100,today-1,1900-01-01,",
                "S710003-2,710003,FIBRE-100,today-2,2026-01-01,2999-12-31",
                "S710003-3,710003,FIBRE-100,today-3,2026-01-01,");
        Path balances = write("balances-dates.csv", "account_number,invoice_number,invoice_date,due_date,amount",
                "710003,OLD-7101,1900-01-01,1900-01-21,50.00",
                "710003,OLD-7102,2026-10-01,2099-10-21,50.00",
                "710003,OLD-7103,2026-10-01,2026-10-21,50.00");

        // when
        Result accountResult = importer.importFile(Kind.ACCOUNTS, accounts);
        Result subscriptionResult = importer.importFile(Kind.SUBSCRIPTIONS, subscriptions);
        Result balanceResult = importer.importFile(Kind.OPENING_BALANCES, balances);

        // then: each implausible date is one reject naming the window; the plausible lines are in
        assertThat(accountResult.inserted()).as(accountResult.describe()).isEqualTo(1);
        assertThat(rejects(accountResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "next_bill_date", "outside the plausible window 2025-11-20..2027-11-20: '1900-01-01'"),
                        tuple("3", "next_bill_date", "outside the plausible window 2025-11-20..2027-11-20: '2099-01-01'"));
        assertThat(subscriptionResult.inserted()).as(subscriptionResult.describe()).isEqualTo(1);
        assertThat(rejects(subscriptionResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "start_date", "outside the plausible window 1996-11-20..2036-11-20: '1900-01-01'"),
                        tuple("3", "end_date", "outside the plausible window 1996-11-20..2036-11-20: '2999-12-31'"));
        assertThat(balanceResult.inserted()).as(balanceResult.describe()).isEqualTo(1);
        assertThat(rejects(balanceResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "invoice_date", "outside the plausible window 2021-11-20..2027-02-20: '1900-01-01'"),
                        tuple("3", "due_date", "outside the plausible window 2021-11-20..2027-02-20: '2099-10-21'"));
        assertThat(count("SELECT COUNT(*) FROM account WHERE next_bill_date < '2000-01-01' OR next_bill_date > '2050-01-01'"))
                .isZero();
    }

    @Test
    @Order(3)
    void identifiersThatLookLikePathsAreRejected() throws IOException {
        // given: account numbers, a subscription id, a plan code and an invoice number that would
        // name a file outside its folder (or a hidden file, or an option) if used in a path
        Path accounts = write("accounts-paths.csv", ACCOUNTS_HEADER,
                account("../../etc/x", "Dots", "2026-11-01"),
                account("/tmp/x", "Absolute", "2026-11-01"),
                account("a\\b", "Backslash", "2026-11-01"),
                account("-rf", "Option", "2026-11-01"),
                account(".hidden", "Hidden", "2026-11-01"),
                account("A..B", "Two Dots", "2026-11-01"),
                account("ACC-7201.b_c", "Plain", "2026-11-01"));
        Path plans = write("plans-paths.csv",
                "plan_code,name_en,name_fr,kind,monthly_price,period_months,included_gb,overage_per_gb,per_minute",
                "../PLAN,Dots,Points,INTERNET,45.00,1,,,");
        Path subscriptions = write("subscriptions-paths.csv",
                "subscription_id,account_number,plan_code,service_id,start_date,end_date",
                "../S1,ACC-7201.b_c,FIBRE-100,s-path-1,2026-01-01,",
                "S7201-2,ACC-7201.b_c,FIBRE-100,../../svc,2026-01-01,",
                "S7201-3,ACC-7201.b_c,FIBRE-100,+15145550199,2026-01-01,");
        Path balances = write("balances-paths.csv", "account_number,invoice_number,invoice_date,due_date,amount",
                "ACC-7201.b_c,../../OLD,2026-10-01,2026-10-21,50.00");

        // when
        Result accountResult = importer.importFile(Kind.ACCOUNTS, accounts);
        Result planResult = importer.importFile(Kind.PLANS, plans);
        Result subscriptionResult = importer.importFile(Kind.SUBSCRIPTIONS, subscriptions);
        Result balanceResult = importer.importFile(Kind.OPENING_BALANCES, balances);

        // then
        String codes = " is not allowed (A-Z, a-z, 0-9 and . _ - only): ";
        assertThat(accountResult.inserted()).as(accountResult.describe()).isEqualTo(1);
        assertThat(rejects(accountResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "account_number", "'/'" + codes + "'../../etc/x'"),
                        tuple("3", "account_number", "'/'" + codes + "'/tmp/x'"),
                        tuple("4", "account_number", "'\\'" + codes + "'a\\b'"),
                        tuple("5", "account_number", "must start with a letter or a digit: '-rf'"),
                        tuple("6", "account_number", "must start with a letter or a digit: '.hidden'"),
                        tuple("7", "account_number", "must not contain '..': 'A..B'"));
        assertThat(rejects(planResult)).extracting(r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("plan_code", "'/'" + codes + "'../PLAN'"));
        assertThat(subscriptionResult.inserted()).as(subscriptionResult.describe()).isEqualTo(1);
        assertThat(rejects(subscriptionResult)).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "subscription_id", "'/'" + codes + "'../S1'"),
                        tuple("3", "service_id", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): '../../svc'"));
        assertThat(rejects(balanceResult)).extracting(r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("invoice_number", "'/'" + codes + "'../../OLD'"));
        assertThat(count("SELECT COUNT(*) FROM account WHERE account_number LIKE '%/%' OR account_number LIKE '.%'"))
                .isZero();
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = HOME.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String account(String number, String name, String nextBillDate) {
        return CSVFormat.DEFAULT.format(number, name, "RESIDENTIAL", "en", "", "MAIL", "1 King St", "", "Toronto",
                "ON", "M5H 1A1", "CA", "1 King St", "", "Toronto", "", "ON", "M5H 1A1", "CA", nextBillDate);
    }

    private static List<CSVRecord> rejects(Result result) throws IOException {
        if (result.rejected() == 0) {
            return List.of();
        }
        return Fixtures.rejects(result.rejectFile());
    }
}
