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
}
