package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class JurisdictionResolverTest {

    private static final Jurisdiction NYC = new Jurisdiction("US", "NY", JurisdictionLevel.CITY, "NYC");
    private static final Jurisdiction MCTD = new Jurisdiction("US", "NY", JurisdictionLevel.DISTRICT, "MCTD");
    private static final Jurisdiction YONKERS = new Jurisdiction("US", "NY", JurisdictionLevel.CITY, "YONKERS");
    private static final Jurisdiction WESTCHESTER = new Jurisdiction("US", "NY", JurisdictionLevel.COUNTY, "WESTCHESTER");
    private static final Jurisdiction KAHNAWAKE = new Jurisdiction("CA", "QC", JurisdictionLevel.DISTRICT, "KAHNAWAKE");

    private static final JurisdictionResolver RESOLVER = new JurisdictionResolver(List.of(
            new PostalArea("US", "NY", "10001", "10282", null, List.of(NYC, MCTD)),
            new PostalArea("US", "NY", "10700", "10799", null, List.of(WESTCHESTER, MCTD)),
            // one ZIP code inside the wider range: the narrower row wins
            new PostalArea("US", "NY", "10701", "10701", null, List.of(WESTCHESTER, YONKERS, MCTD)),
            // one address overrides its postal code's row
            new PostalArea("CA", "QC", "J0L1B0", null, "1 Old Malone Hwy", List.of(KAHNAWAKE)),
            new PostalArea("CA", "QC", "H1A", "J9Z", null, List.of())));

    @Test
    void aZipCodeInARangeGivesItsLocalJurisdictions() {
        assertThat(RESOLVER.resolve(address("350 Fifth Ave", "NY", "10001-0001", "US")))
                .containsExactly(Jurisdiction.country("US"), Jurisdiction.region("US", "NY"), NYC, MCTD);
    }

    @Test
    void theNarrowestRangeWins() {
        assertThat(RESOLVER.resolve(address("1 Main St", "NY", "10701", "US")))
                .containsExactly(Jurisdiction.country("US"), Jurisdiction.region("US", "NY"), WESTCHESTER, YONKERS, MCTD);
        assertThat(RESOLVER.resolve(address("1 Main St", "NY", "10702", "US")))
                .containsExactly(Jurisdiction.country("US"), Jurisdiction.region("US", "NY"), WESTCHESTER, MCTD);
    }

    @Test
    void aCanadianPostalCodeIsFoundByItsFirstThreeCharacters() {
        assertThat(RESOLVER.resolve(address("1 rue Sainte-Catherine", "QC", "h2x 1y4", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "QC"));
    }

    @Test
    void aFullAddressOverridesItsPostalCode() {
        // same street written differently: case, punctuation and spaces do not count
        assertThat(RESOLVER.resolve(address("1 OLD MALONE HWY.", "QC", "J0L 1B0", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "QC"), KAHNAWAKE);
        assertThat(RESOLVER.resolve(address("2 Old Malone Hwy", "QC", "J0L 1B0", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "QC"));
    }

    @Test
    void aRegionWithoutRowsIsTheRegionAlone() {
        assertThat(RESOLVER.resolve(address("1 King St W", "ON", "M5H 1A1", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "ON"));
    }

    @Test
    void aCanadianPostalCodeOfAnotherProvinceThanTheAddressSaysIsAnError() {
        // G1R is Québec City (G: Quebec, and no row of the table covers it); taxed as Ontario it
        // would pay HST 13% instead of GST + QST
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 rue Saint-Louis", "ON", "G1R 4P5", "CA")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("postal code G1R 4P5 is in CA/QC (its first letter), but the service address says ON");
        // M5H (M: Toronto) in a province without rows: the region alone, as before
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 King St W", "BC", "M5H 1A1", "CA")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("is in CA/ON (its first letter), but the service address says BC");
        // X (NT or NU) names no single province: the address's region stands
        assertThat(RESOLVER.resolve(address("1 Franklin Ave", "NT", "X1A 2N5", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "NT"));
    }

    @Test
    void aZipCodeTheTableDoesNotPlaceInARegionWithRowsIsAnError() {
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 Main St", "NY", "14201", "US")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessage("postal code 14201 is not in the tax-jurisdictions table for US/NY, so its local taxes are unknown");
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 Main St", "NY", null, "US")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("postal code (none) is not in the tax-jurisdictions table");
    }

    @Test
    void aZipCodeOfAnotherStateIsAnError() {
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 Main St", "NJ", "10001", "US")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessage("postal code 10001 is in US/NY by the tax-jurisdictions table, but the service address says NJ");
    }

    @Test
    void twoRangesAsNarrowAreAnError() {
        JurisdictionResolver overlapping = new JurisdictionResolver(List.of(
                new PostalArea("US", "NY", "10001", "10010", null, List.of(NYC)),
                new PostalArea("US", "NY", "10005", "10014", null, List.of(MCTD))));
        assertThatThrownBy(() -> overlapping.resolve(address("1 Main St", "NY", "10007", "US")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("two ranges");
    }

    @Test
    void anAddressWithoutARegionTakesItsRowsOrItsProvinceByFirstLetter() {
        assertThat(RESOLVER.resolve(address("1 Main St", null, "10001", "US")))
                .containsExactly(Jurisdiction.country("US"), Jurisdiction.region("US", "NY"), NYC, MCTD);
        assertThat(RESOLVER.resolve(address("1 Spring Garden Rd", "", "B3J 1A1", "CA")))
                .containsExactly(Jurisdiction.country("CA"), Jurisdiction.region("CA", "NS"));
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 Main St", null, "14201", "US")))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("does not place postal code 14201");
        assertThatThrownBy(() -> RESOLVER.resolve(address("1 Franklin Ave", null, "X1A 2L9", "CA")))
                .isInstanceOf(UnknownJurisdictionException.class);
    }

    private static Address address(String line1, String region, String postalCode, String country) {
        return new Address(line1, null, "City", null, region, postalCode, country);
    }
}
