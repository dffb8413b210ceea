package ca.isp.billing.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The tax-jurisdictions, tax-rules and tax-exemptions files: good rows and each refusal's reason. */
class TaxJurisdictionFormatTest {

    @Test
    void aUsRangeACanadianAreaAndAnOverride() {
        assertThat(TaxJurisdictionFormat.INSTANCE.parse(row(Map.of("country", "us", "region", "ny",
                "postal_from", "10001", "postal_to", "10282", "city", "nyc", "district", "MCTD"))))
                .isEqualTo(new TaxJurisdictionRow("US", "NY", "10001", "10282", null, null, "NYC", "MCTD"));
        assertThat(TaxJurisdictionFormat.INSTANCE.parse(row(Map.of("country", "CA", "region", "QC",
                "postal_from", "h2x"))))
                .isEqualTo(new TaxJurisdictionRow("CA", "QC", "H2X", "H2X", null, null, null, null));
        assertThat(TaxJurisdictionFormat.INSTANCE.parse(row(Map.of("country", "CA", "region", "QC",
                "postal_from", "J0L 1B0", "street", "1 Old Malone Hwy", "district", "KAHNAWAKE"))))
                .isEqualTo(new TaxJurisdictionRow("CA", "QC", "J0L1B0", "J0L1B0", "1 Old Malone Hwy", null, null,
                        "KAHNAWAKE"));
    }

    @Test
    void refusesWhatIsNotAPostalCodeOfItsCountry() {
        assertRefused(TaxJurisdictionFormat.INSTANCE, Map.of("country", "US", "region", "NY", "postal_from", "1000"),
                "postal_from", "not a five-digit ZIP code");
        assertRefused(TaxJurisdictionFormat.INSTANCE, Map.of("country", "CA", "region", "QC", "postal_from", "H2X1Y4"),
                "postal_from", "not the first three characters");
        assertRefused(TaxJurisdictionFormat.INSTANCE, Map.of("country", "US", "region", "NY", "postal_from", "10300",
                "postal_to", "10200"), "postal_to", "before postal_from");
        assertRefused(TaxJurisdictionFormat.INSTANCE, Map.of("country", "CA", "region", "QC", "postal_from", "H2X",
                "street", "1 rue X"), "postal_from", "not a whole postal code");
        assertRefused(TaxJurisdictionFormat.INSTANCE, Map.of("country", "US", "region", "NY", "postal_from", "10001",
                "city", "New York"), "city", "not allowed");
    }

    @Test
    void rulesAndExemptions() {
        assertThat(TaxRuleFormat.INSTANCE.parse(row(Map.of("country", "CA", "region", "bc", "tax_code", "PST",
                "tax_class", "internet_access", "taxable", "n"))))
                .isEqualTo(new TaxRuleRow("CA", "BC", "PST", "INTERNET_ACCESS", false));
        assertRefused(TaxRuleFormat.INSTANCE, Map.of("country", "CA", "region", "BC", "tax_code", "PST",
                "tax_class", "CABLE", "taxable", "N"), "tax_class", "not one of");
        assertThat(TaxExemptionFormat.INSTANCE.parse(row(Map.of("account_number", "100042",
                "certificate", "FN-1", "tax_codes", "GST  PST"))).taxCodes()).containsExactly("GST", "PST");
        assertRefused(TaxExemptionFormat.INSTANCE, Map.of("account_number", "100042", "certificate", "FN-1",
                "expires_on", "2206-01-01"), "expires_on", "not a plausible expiry");
    }

    @Test
    void taxRatesWithPeriodsAndTheFirstFormatStillReads() {
        TaxRateRow nova = TaxRateFormat.INSTANCE.parse(row(Map.of("country", "CA", "region", "NS", "tax_code", "HST",
                "name_en", "HST", "name_fr", "TVH", "rate", "0.14", "effective_from", "2025-04-01")));
        assertThat(nova.effectiveFrom()).hasToString("2025-04-01");
        assertThat(nova.effectiveTo()).isNull();
        assertThat(nova.jurisdiction()).isEmpty();
        assertRefused(TaxRateFormat.INSTANCE, Map.of("country", "CA", "region", "NS", "tax_code", "HST",
                "name_en", "HST", "name_fr", "TVH", "rate", "0.15", "effective_from", "2025-04-01",
                "effective_to", "2025-03-31"), "effective_to", "before effective_from");
    }

    private static <T> void assertRefused(RowFormat<T> format, Map<String, String> values, String field, String reason) {
        assertThatThrownBy(() -> format.parse(row(values))).isInstanceOf(FieldException.class)
                .satisfies(e -> {
                    assertThat(((FieldException) e).field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    private static Row row(Map<String, String> values) {
        Map<String, Integer> columns = new HashMap<>();
        String[] cells = new String[values.size()];
        int i = 0;
        for (Map.Entry<String, String> value : values.entrySet()) {
            columns.put(value.getKey(), i);
            cells[i++] = value.getValue();
        }
        return new Row(2, columns, cells);
    }
}
