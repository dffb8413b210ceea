package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plans.csv and tax-rates.csv: the fixed catalog. */
class DemoCatalogTest {

    @TempDir
    static Path root;

    static Path reference;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        reference = isp.reference();
    }

    @Test
    void everyRegionServedHasItsTaxes() throws IOException {
        List<CSVRecord> rates = read(reference.resolve("tax-rates.csv")).records();
        Set<String> jurisdictions = new HashSet<>();
        rates.forEach(r -> jurisdictions.add(r.get("country") + "-" + r.get("region")));
        for (CSVRecord a : read(reference.resolve("accounts.csv")).records()) {
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
    void everyServiceAddressOfARegionWithLocalTaxesIsInTheTaxJurisdictionsTable() throws IOException {
        // NY and VT have rows (county and city taxes), so a service ZIP code outside them would be held
        List<CSVRecord> areas = read(reference.resolve("tax-jurisdictions.csv")).records();
        Set<String> regionsWithRows = new HashSet<>();
        areas.forEach(r -> regionsWithRows.add(r.get("country") + "-" + r.get("region")));
        assertThat(regionsWithRows).containsExactlyInAnyOrder("US-NY", "US-VT");
        for (CSVRecord a : read(reference.resolve("accounts.csv")).records()) {
            if (!regionsWithRows.contains(a.get("service_country") + "-" + a.get("service_region"))) {
                continue;
            }
            String zip = a.get("service_postal_code");
            assertThat(areas).as(a.get("account_number") + " " + zip).anyMatch(r -> r.get("region")
                    .equals(a.get("service_region")) && zip.compareTo(r.get("postal_from")) >= 0
                    && zip.compareTo(r.get("postal_to").isEmpty() ? r.get("postal_from") : r.get("postal_to")) <= 0);
        }
        // each local jurisdiction has its rate
        Set<String> jurisdictionsWithRates = new HashSet<>();
        read(reference.resolve("tax-rates.csv")).records().forEach(r -> jurisdictionsWithRates.add(r.get("jurisdiction")));
        for (CSVRecord area : areas) {
            for (String column : List.of("county", "city", "district")) {
                if (!area.get(column).isEmpty()) {
                    assertThat(jurisdictionsWithRates).contains(area.get(column));
                }
            }
        }
    }

    @Test
    void theRulesAreBritishColumbiasPstExemptions() throws IOException {
        // the same rules domain's TaxabilityTest works through, class by class
        assertThat(read(reference.resolve("tax-rules.csv")).records()).extracting(CSVRecord::values)
                .containsExactly(new String[]{"CA", "BC", "PST", "INTERNET_ACCESS", "N"},
                        new String[]{"CA", "BC", "PST", "LANDLINE_RESIDENTIAL", "N"});
    }
}
