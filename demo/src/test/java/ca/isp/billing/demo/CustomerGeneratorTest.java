package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accounts.csv: who the customers are and where they live. */
class CustomerGeneratorTest {

    @TempDir
    static Path root;

    static Path reference;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        reference = isp.reference();
    }

    @Test
    void accountNumbersAreUniqueSixDigitsFrom100001() throws IOException {
        List<String> numbers = read(reference.resolve("accounts.csv")).records().stream()
                .map(a -> a.get("account_number")).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("\\d{6}"));
        assertThat(numbers.get(0)).isEqualTo("100001");
        assertThat(numbers.get(199)).isEqualTo("100200");
    }

    @Test
    void accountsLookLikeTheCustomersOfAQuebecBasedIsp() throws IOException {
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records();
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
        List<String> frenchPeople = read(reference.resolve("accounts.csv")).records().stream()
                .filter(a -> a.get("language").equals("fr") && a.get("customer_type").equals("RESIDENTIAL"))
                .map(a -> a.get("name")).toList();
        assertThat(frenchPeople).hasSizeGreaterThan(40);
        long accented = frenchPeople.stream().filter(name -> name.matches(".*[À-ÿœ].*")).count();
        assertThat((double) accented / frenchPeople.size()).as("share with an accent").isGreaterThan(0.6);

        assertThat(read(reference.resolve("plans.csv")).records().stream().map(p -> p.get("name_fr")))
                .contains("Téléphonie résidentielle", "Téléphonie affaires", "Fibre 300 trimestriel");
    }

    @Test
    void addressesHaveTheirCountrysPostalFormat() throws IOException {
        for (CSVRecord a : read(reference.resolve("accounts.csv")).records()) {
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
        List<CSVRecord> accounts = read(reference.resolve("accounts.csv")).records();
        List<String> emails = accounts.stream().map(a -> a.get("email")).filter(e -> !e.isEmpty()).toList();
        assertThat(emails).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z0-9][a-z0-9.-]*@example\\.(ca|com)"), "ascii @example.ca/.com");
        assertThat(accounts).filteredOn(a -> !a.get("delivery").equals("MAIL"))
                .allMatch(a -> !a.get("email").isEmpty(), "email delivery has an address");
        assertThat(DemoNames.emailLocalPart("Hélène Côté")).isEqualTo("helene.cote");
        assertThat(DemoNames.emailLocalPart("Dupont & Fils ltée")).isEqualTo("dupont.fils.ltee");
        assertThat(DemoNames.emailLocalPart("Ryan O'Brien")).isEqualTo("ryan.obrien");
    }
}
