package ca.isp.billing.readers;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** columns() is the header a writer of the file uses (the demo generator): it must match what parse() reads. */
class RowFormatColumnsTest {

    /** One instance, so that other tests find its good record by identity. */
    static final GenericCdrFormat GENERIC_CDR = GenericCdrFormat.of(java.time.ZoneId.of("America/Toronto"));

    @TempDir
    Path dir;

    /** Each format, its columns in the order of docs/FILE-FORMATS.md and a good record in that order. */
    static Stream<Arguments> formats() {
        return Stream.of(
                arguments(AccountFormat.INSTANCE,
                        List.of("account_number", "name", "customer_type", "language", "email", "delivery",
                                "billing_line1", "billing_line2", "billing_city", "billing_region",
                                "billing_postal_code", "billing_country", "service_line1", "service_line2",
                                "service_city", "service_county", "service_region", "service_postal_code",
                                "service_country", "next_bill_date", "bill_day", "bill_day_from", "penalty_class"),
                        List.of("100042", "Hélène Côté", "RESIDENTIAL", "fr", "helene.cote@example.ca", "BOTH",
                                "1234, rue Saint-Denis", "app. 3", "Montréal", "QC", "H2X 1Y4", "CA",
                                "1234, rue Saint-Denis", "app. 3", "Montréal", "", "QC", "H2X 1Y4", "CA",
                                "2026-11-01", "31", "2026-12-01", "residential")),
                arguments(PlanFormat.INSTANCE,
                        List.of("plan_code", "name_en", "name_fr", "kind", "monthly_price", "period_months",
                                "included_gb", "overage_per_gb", "per_minute", "term_price", "bills_while_suspended",
                                "tax_class", "gl_account", "included_minutes", "price_from"),
                        List.of("FIBRE-300", "Fibre 300", "Fibre 300", "INTERNET", "79.95", "1", "500", "1.00",
                                "", "79.95", "NO", "INTERNET_ACCESS", "4010", "", "2027-01-01")),
                arguments(SubscriptionFormat.INSTANCE,
                        List.of("subscription_id", "account_number", "plan_code", "service_id", "start_date",
                                "end_date", "quantity", "plan_changes", "quantity_changes", "suspensions"),
                        List.of("S100042-1", "100042", "FIBRE-300", "u100042@nli.example", "2026-01-15",
                                "2026-11-20", "2", "2026-03-21:FIBRE-1000", "2026-04-01:3",
                                "2026-05-01..2026-09-01;2026-10-01..")),
                arguments(TaxRateFormat.INSTANCE,
                        List.of("country", "region", "tax_code", "name_en", "name_fr", "rate", "registration",
                                "jurisdiction", "effective_from", "effective_to", "gl_account"),
                        List.of("CA", "QC", "QST", "QST", "TVQ", "0.09975", "1234567890 TQ0001", "", "2013-01-01",
                                "", "2320")),
                arguments(TaxJurisdictionFormat.INSTANCE,
                        List.of("country", "region", "postal_from", "postal_to", "street", "county", "city",
                                "district"),
                        List.of("US", "NY", "10118", "", "350 Fifth Ave", "", "NYC", "MCTD")),
                arguments(TaxRuleFormat.INSTANCE,
                        List.of("country", "region", "tax_code", "tax_class", "taxable"),
                        List.of("CA", "BC", "PST", "INTERNET_ACCESS", "N")),
                arguments(TaxExemptionFormat.INSTANCE,
                        List.of("account_number", "certificate", "tax_codes", "expires_on"),
                        List.of("100042", "FN-0012345", "QST", "2027-12-31")),
                arguments(OpeningBalanceFormat.INSTANCE,
                        List.of("account_number", "invoice_number", "invoice_date", "due_date", "amount"),
                        List.of("100042", "100042-20261001", "2026-10-01", "2026-10-22", "63.18")),
                arguments(UsageFormat.INSTANCE,
                        List.of("record_id", "source", "service_id", "usage_type", "start_time", "quantity"),
                        List.of("0000000A1B2C", "radius-mtl-1", "u100042@nli.example", "DATA",
                                "2026-10-03T22:15:09", "5368709120")),
                arguments(PaymentFormat.INSTANCE,
                        List.of("payment_ref", "account_number", "received_on", "amount", "method", "invoice_number",
                                "deposit_batch", "cheque_number", "reverses", "reversal_reason"),
                        List.of("PMT-20261101000001", "100042", "2026-10-20", "63.18", "CHEQUE", "F-2026-000001",
                                "DEP-1", "1042", "", "")),
                arguments(ChargeFormat.INSTANCE,
                        List.of("charge_ref", "account_number", "charge_date", "amount", "description_en",
                                "description_fr", "reason"),
                        List.of("C-1001", "100042", "2026-10-25", "-15.00", "Goodwill credit", "Crédit de courtoisie",
                                "ticket 5521")),
                arguments(DiscountFormat.INSTANCE,
                        List.of("discount_ref", "account_number", "subscription_id", "kind", "value", "start_date",
                                "end_date", "reason"),
                        List.of("D-1001", "100042", "S100042-1", "PERCENT", "10", "2026-11-01", "2027-10-31",
                                "loyalty")),
                arguments(SubscriptionPriceFormat.INSTANCE,
                        List.of("subscription_id", "plan_code", "price_from", "term_price"),
                        List.of("S100042-1", "FIBRE-500", "2026-11-01", "45.00")),
                arguments(QuoteFormat.INSTANCE,
                        List.of("quote_ref", "account_number", "quote_date", "line_no", "description_en",
                                "description_fr", "amount", "tax_class", "accepted_on"),
                        List.of("Q-100", "100042", "2026-11-10", "1", "Installation", "Installation", "120.00",
                                "INSTALLATION", "2026-11-18")),
                arguments(RateFormat.INSTANCE,
                        List.of("rate_table", "prefix", "destination", "band", "per_minute", "first_increment",
                                "next_increment", "connection_fee", "minimum_charge", "uses_included",
                                "effective_from", "effective_to"),
                        List.of("RES", "336", "France mobile", "ANY", "0.2500", "30", "6", "0.15", "0.50", "NO",
                                "2026-10-01", "2026-12-31")),
                arguments(RateBandFormat.INSTANCE,
                        List.of("rate_table", "band", "name_en", "name_fr", "days", "from_time", "to_time"),
                        List.of("RES", "DAY", "Day", "Jour", "MON-FRI", "08:00", "18:00")),
                arguments(PenaltyClassFormat.INSTANCE,
                        List.of("code", "method", "percent", "flat_fee", "minimum_fee", "maximum_fee", "grace_days",
                                "minimum_overdue", "penalised_kinds", "each_period"),
                        List.of("COMMERCIAL", "GREATER_OF", "2", "15.00", "20.00", "75.00", "10", "50.00",
                                "RECURRING|USAGE", "yes")),
                arguments(ExclusionDateFormat.INSTANCE,
                        List.of("date", "yearly", "name"),
                        List.of("2026-06-24", "yes", "Saint-Jean-Baptiste")),
                arguments(GENERIC_CDR,
                        List.of("record_id", "caller", "destination", "start_time", "answer_time", "end_time",
                                "disposition", "account_code"),
                        List.of("call-0001", "+15145550101", "18005550199", "2026-10-03T22:15:09",
                                "2026-10-03T22:15:14", "2026-10-03T22:17:14", "ANSWERED", "1001")));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void columnsAreTheHeaderOfFileFormatsMdWithTheRequiredOnesInTheSameOrder(RowFormat<?> format,
                                                                             List<String> columns) {
        assertThat(format.columns()).isEqualTo(columns).doesNotHaveDuplicates();
        assertThat(format.columns().stream().filter(format.requiredColumns()::contains).toList())
                .isEqualTo(format.requiredColumns());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFileWithExactlyTheseColumnsIsRead(RowFormat<?> format, List<String> columns, List<String> values)
            throws IOException {
        String[] pairs = new String[2 * columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            pairs[2 * i] = format.columns().get(i);
            pairs[2 * i + 1] = values.get(i);
        }

        assertThat(ok(readOne(dir, format, TestRecord.of(pairs)))).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void parseLooksUpEveryColumnAndNoOther(RowFormat<?> format, List<String> columns, List<String> values) {
        Set<String> lookedUp = new LinkedHashSet<>();
        Map<String, Integer> positions = new HashMap<>() {
            @Override
            public Integer get(Object column) {
                lookedUp.add((String) column);
                return super.get(column);
            }
        };
        for (int i = 0; i < format.columns().size(); i++) {
            positions.put(format.columns().get(i), i);
        }

        format.parse(new Row(2, positions, values.toArray(String[]::new)));

        assertThat(lookedUp).containsExactlyInAnyOrderElementsOf(format.columns());
    }
}
