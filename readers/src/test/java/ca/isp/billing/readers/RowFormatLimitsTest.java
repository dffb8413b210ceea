package ca.isp.billing.readers;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every text column has the size of the database column that stores it (V2__billing.sql; the
 * jobs module checks the two against the real schema): a value of that size is read, one
 * character more is a rejected line.
 */
class RowFormatLimitsTest {

    @TempDir
    Path dir;

    /** The limits of each format, as docs/FILE-FORMATS.md gives them. */
    static Stream<Arguments> limits() {
        return Stream.of(
                arguments(AccountFormat.INSTANCE, Map.ofEntries(
                        Map.entry("account_number", 20), Map.entry("name", 200), Map.entry("email", 254),
                        Map.entry("billing_line1", 200), Map.entry("billing_line2", 200),
                        Map.entry("billing_city", 100), Map.entry("billing_region", 10),
                        Map.entry("billing_postal_code", 20), Map.entry("service_line1", 200),
                        Map.entry("service_line2", 200), Map.entry("service_city", 100),
                        Map.entry("service_county", 100), Map.entry("service_region", 10),
                        Map.entry("service_postal_code", 20), Map.entry("penalty_class", 20))),
                arguments(PlanFormat.INSTANCE, Map.of("plan_code", 30, "name_en", 100, "name_fr", 100,
                        "gl_account", 20)),
                arguments(SubscriptionFormat.INSTANCE, Map.of("subscription_id", 40, "account_number", 20,
                        "plan_code", 30, "service_id", 100)),
                arguments(TaxRateFormat.INSTANCE, Map.of("region", 10, "tax_code", 10, "name_en", 60,
                        "name_fr", 60, "registration", 40, "jurisdiction", 20, "gl_account", 20)),
                arguments(TaxJurisdictionFormat.INSTANCE, Map.of("region", 10,
                        "street", 200, "county", 20, "city", 20, "district", 20)),
                arguments(TaxRuleFormat.INSTANCE, Map.of("region", 10, "tax_code", 10)),
                arguments(TaxExemptionFormat.INSTANCE, Map.of("account_number", 20, "certificate", 40,
                        "tax_codes", 100)),
                arguments(OpeningBalanceFormat.INSTANCE, Map.of("account_number", 20, "invoice_number", 40)),
                arguments(UsageFormat.INSTANCE, Map.of("record_id", 100, "source", 50, "service_id", 100)),
                arguments(PaymentFormat.INSTANCE, Map.of("payment_ref", 60, "account_number", 20, "method", 20,
                        "invoice_number", 40, "deposit_batch", 40, "cheque_number", 20, "reverses", 60)),
                arguments(ChargeFormat.INSTANCE, Map.of("charge_ref", 60, "account_number", 20, "description_en", 200,
                        "description_fr", 200, "reason", 300)),
                arguments(DiscountFormat.INSTANCE, Map.of("discount_ref", 16, "account_number", 20,
                        "subscription_id", 40, "reason", 300)),
                arguments(SubscriptionPriceFormat.INSTANCE, Map.of("subscription_id", 40, "plan_code", 30)),
                arguments(QuoteFormat.INSTANCE, Map.of("quote_ref", 30, "account_number", 20, "description_en", 200,
                        "description_fr", 200)),
                arguments(RateFormat.INSTANCE, Map.of("rate_table", 30, "destination", 100, "band", 20)),
                arguments(RateBandFormat.INSTANCE, Map.of("rate_table", 30, "band", 20, "name_en", 40, "name_fr", 40)),
                arguments(PenaltyClassFormat.INSTANCE, Map.of("code", 20, "penalised_kinds", 80)),
                arguments(ExclusionDateFormat.INSTANCE, Map.of("name", 100)),
                arguments(RowFormatColumnsTest.GENERIC_CDR, Map.of("record_id", 100, "caller", 100,
                        "destination", 100, "account_code", 100)));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void eachTextColumnHasItsDocumentedLimit(RowFormat<?> format, Map<String, Integer> limits) {
        assertThat(format.maxLengths()).isEqualTo(limits);
        assertThat(format.columns()).containsAll(limits.keySet());
    }

    @ParameterizedTest
    @MethodSource("limits")
    void aValueOfTheLimitIsReadAndOneCharacterMoreIsRejected(RowFormat<?> format, Map<String, Integer> limits)
            throws IOException {
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            String column = limit.getKey();
            int max = limit.getValue();

            // a payment line naming a payment it reverses is a reversal: negative
            TestRecord good = column.equals("reverses") ? good(format).with("amount", "-63.18") : good(format);
            assertThat(ok(readOne(dir, format, good.with(column, value(column, max))))).as(column).isNotNull();
            String tooLong = value(column, max + 1);
            assertRejected(readOne(dir, format, good.with(column, tooLong)), column,
                    "longer than " + max + " characters: " + Row.quote(tooLong));
        }
    }

    /** A value of that many characters the column otherwise accepts. */
    private static String value(String column, int length) {
        if (column.equals("email")) {
            return "e".repeat(length - "@example.ca".length()) + "@example.ca";
        }
        if (column.equals("penalised_kinds")) {
            return "RECURRING|".repeat(9).substring(0, length); // 80: eight times RECURRING, still valid
        }
        return "A".repeat(length);
    }

    /** The good record of {@link RowFormatColumnsTest} for the format. */
    private static TestRecord good(RowFormat<?> format) {
        Arguments arguments = RowFormatColumnsTest.formats().filter(a -> a.get()[0] == format).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) arguments.get()[1];
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) arguments.get()[2];
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(columns.get(i));
            pairs.add(values.get(i));
        }
        return TestRecord.of(pairs.toArray(String[]::new));
    }
}
