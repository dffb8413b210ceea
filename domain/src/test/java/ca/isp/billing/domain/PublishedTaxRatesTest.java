package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rates in force in 2025-2026 as the tax authorities publish them, each case worked by hand
 * on a 100.00 line of equipment sold (a class every one of these taxes applies to).
 *
 * <p>Sources:
 * <ul>
 * <li>Canada Revenue Agency, "GST/HST provincial rates table" (canada.ca, charge-collect-which-rate):
 *     GST 5%; HST ON 13%, NB 15%, NL 15%, PE 15%, NS 15% until 2025-03-31 and 14% from 2025-04-01
 *     (Nova Scotia, Budget 2025-26, Ways and Means Motion).</li>
 * <li>Revenu Québec, "QST rate": 9.975% since 2013-01-01.</li>
 * <li>BC Ministry of Finance, Provincial Sales Tax Act: PST 7% (Bulletin PST 105, telecommunication
 *     services: Internet access and residential landline service are exempt).</li>
 * <li>Manitoba Finance, Retail Sales Tax: 7% since 2019-07-01.</li>
 * <li>Saskatchewan Ministry of Finance, Provincial Sales Tax: 6% since 2017-03-23.</li>
 * <li>New York State Department of Taxation and Finance, Publication 718 (rates effective
 *     2025-03-01, unchanged since 2009 for these): New York City 8.875% = state 4% + city 4.5%
 *     + Metropolitan Commuter Transportation District 0.375%.</li>
 * <li>Illinois Department of Revenue, Tax Rate Finder and ST-62 (rates effective 2025-01-01):
 *     Chicago 10.25% = state 6.25% + Cook County 1.75% (since 2016-01-01) + City of Chicago 1.25%
 *     + Regional Transportation Authority 1%.</li>
 * <li>California Department of Tax and Fee Administration, "California City and County Sales and
 *     Use Tax Rates" (effective 2025-04-01): City of Los Angeles 9.75% = statewide 7.25% + Los
 *     Angeles County districts 2.50%; until 2025-03-31 9.50% (districts 2.25%: Measure A's 0.5%
 *     replaced Measure H's 0.25% on 2025-04-01).</li>
 * </ul>
 */
class PublishedTaxRatesTest {

    private static final String GST_NO = "123456789 RT0001";

    private static final List<DatedTaxRate> RATES = List.of(
            federal("CA", "QC"), provincial("CA", "QC", "QST", "QST", "TVQ", "0.09975", null, null),
            provincial("CA", "ON", "HST", "HST", "TVH", "0.13", null, null),
            provincial("CA", "NB", "HST", "HST", "TVH", "0.15", null, null),
            provincial("CA", "NL", "HST", "HST", "TVH", "0.15", null, null),
            provincial("CA", "PE", "HST", "HST", "TVH", "0.15", null, null),
            provincial("CA", "NS", "HST", "HST", "TVH", "0.15", null, LocalDate.of(2025, 3, 31)),
            provincial("CA", "NS", "HST", "HST", "TVH", "0.14", LocalDate.of(2025, 4, 1), null),
            federal("CA", "BC"), provincial("CA", "BC", "PST", "PST", "TVP", "0.07", null, null),
            federal("CA", "MB"), provincial("CA", "MB", "RST", "RST", "TVD", "0.07", null, null),
            federal("CA", "SK"), provincial("CA", "SK", "PST", "PST", "TVP", "0.06", null, null),
            provincial("US", "NY", "NY", "New York State sales tax", "Taxe de vente de l'État de New York", "0.04", null, null),
            local("US", "NY", "NYC", "NYC", "New York City sales tax", "0.045", null, null),
            local("US", "NY", "MCTD", "MCTD", "MCTD surcharge", "0.00375", null, null),
            provincial("US", "IL", "IL", "Illinois sales tax", "Taxe de vente de l'Illinois", "0.0625", null, null),
            local("US", "IL", "COOK", "COOK", "Cook County sales tax", "0.0175", null, null),
            local("US", "IL", "CHICAGO", "CHICAGO", "City of Chicago sales tax", "0.0125", null, null),
            local("US", "IL", "RTA", "RTA", "RTA sales tax", "0.01", null, null),
            provincial("US", "CA", "CA", "California sales tax", "Taxe de vente de la Californie", "0.0725", null, null),
            local("US", "CA", "LA-COUNTY", "LACD", "Los Angeles County district taxes", "0.0225", null,
                    LocalDate.of(2025, 3, 31)),
            local("US", "CA", "LA-COUNTY", "LACD", "Los Angeles County district taxes", "0.025",
                    LocalDate.of(2025, 4, 1), null));

    private static final List<PostalArea> AREAS = List.of(
            new PostalArea("US", "NY", "10001", "10282", null, List.of(
                    new Jurisdiction("US", "NY", JurisdictionLevel.CITY, "NYC"),
                    new Jurisdiction("US", "NY", JurisdictionLevel.DISTRICT, "MCTD"))),
            new PostalArea("US", "IL", "60601", "60661", null, List.of(
                    new Jurisdiction("US", "IL", JurisdictionLevel.COUNTY, "COOK"),
                    new Jurisdiction("US", "IL", JurisdictionLevel.CITY, "CHICAGO"),
                    new Jurisdiction("US", "IL", JurisdictionLevel.DISTRICT, "RTA"))),
            new PostalArea("US", "CA", "90001", "90089", null, List.of(
                    new Jurisdiction("US", "CA", JurisdictionLevel.COUNTY, "LA-COUNTY"))));

    private static final TableTaxEngine ENGINE = new TableTaxEngine(new JurisdictionResolver(AREAS), RATES,
            new Taxability(List.of()));

    static Stream<Arguments> cases() {
        LocalDate d2025 = LocalDate.of(2025, 6, 1);
        LocalDate d2026 = LocalDate.of(2026, 11, 1);
        // label, region, postal code, invoice date, expected tax codes and amounts on 100.00
        return Stream.of(
                arguments("Quebec GST + QST", "CA", "QC", "H2X 1Y4", d2026,
                        Map.of("GST", "5.00",          // 100.00 * 0.05 = 5.00
                               "QST", "9.98")),        // 100.00 * 0.09975 = 9.975 -> 9.98 (half up)
                arguments("Ontario HST", "CA", "ON", "M5V 2T6", d2026, Map.of("HST", "13.00")),  // 100 * 0.13
                arguments("New Brunswick HST", "CA", "NB", "E1C 4M3", d2026, Map.of("HST", "15.00")),
                arguments("Newfoundland and Labrador HST", "CA", "NL", "A1C 5M2", d2026, Map.of("HST", "15.00")),
                arguments("Prince Edward Island HST", "CA", "PE", "C1A 4P3", d2025, Map.of("HST", "15.00")),
                arguments("Nova Scotia HST on the last day at 15%", "CA", "NS", "B3H 1A1", LocalDate.of(2025, 3, 31),
                        Map.of("HST", "15.00")),       // 100.00 * 0.15 = 15.00
                arguments("Nova Scotia HST on the first day at 14%", "CA", "NS", "B3H 1A1", LocalDate.of(2025, 4, 1),
                        Map.of("HST", "14.00")),       // 100.00 * 0.14 = 14.00
                arguments("British Columbia GST + PST", "CA", "BC", "V6B 1A1", d2026,
                        Map.of("GST", "5.00", "PST", "7.00")),       // 5% and 7% of 100.00
                arguments("Manitoba GST + RST", "CA", "MB", "R3C 0V8", d2026,
                        Map.of("GST", "5.00", "RST", "7.00")),
                arguments("Saskatchewan GST + PST", "CA", "SK", "S4P 3V7", d2026,
                        Map.of("GST", "5.00", "PST", "6.00")),
                arguments("New York City 10001: 8.875%", "US", "NY", "10001", d2026,
                        Map.of("NY", "4.00",           // 100.00 * 0.04 = 4.00
                               "NYC", "4.50",          // 100.00 * 0.045 = 4.50
                               "MCTD", "0.38")),       // 100.00 * 0.00375 = 0.375 -> 0.38; total 8.88
                arguments("Chicago 60601: 10.25%", "US", "IL", "60601", d2026,
                        Map.of("IL", "6.25", "COOK", "1.75", "CHICAGO", "1.25", "RTA", "1.00")),  // total 10.25
                arguments("Los Angeles 90012 before Measure A: 9.50%", "US", "CA", "90012", LocalDate.of(2025, 3, 31),
                        Map.of("CA", "7.25", "LACD", "2.25")),                                   // total 9.50
                arguments("Los Angeles 90012 from Measure A: 9.75%", "US", "CA", "90012", LocalDate.of(2025, 4, 1),
                        Map.of("CA", "7.25", "LACD", "2.50")));                                  // total 9.75
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void taxesAHundredDollarsOfEquipment(String label, String country, String region, String postalCode,
                                         LocalDate date, Map<String, String> expected) {
        TaxResult result = ENGINE.tax(new TaxRequest(new Address("1 Main St", null, "City", null, region,
                postalCode, country), date, List.of(equipment("100.00")), List.of()));

        assertThat(result.taxes()).hasSize(expected.size());
        for (TaxAmount tax : result.taxes()) {
            assertThat(tax.amount()).as(tax.rate().taxCode())
                    .isEqualTo(new BigDecimal(expected.get(tax.rate().taxCode())));
            assertThat(tax.taxableBase()).isEqualTo(new BigDecimal("100.00"));
        }
        BigDecimal total = expected.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.total()).isEqualTo(total.setScale(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheLocalJurisdictionsOfTheZipCode(String label, String country, String region, String postalCode,
                                                LocalDate date, Map<String, String> expected) {
        List<Jurisdiction> found = new JurisdictionResolver(AREAS).resolve(new Address("1 Main St", null, "City",
                null, region, postalCode, country));

        assertThat(found.get(0)).isEqualTo(Jurisdiction.country(country));
        assertThat(found.get(1)).isEqualTo(Jurisdiction.region(country, region));
        // one local jurisdiction per local tax: NYC + MCTD, COOK + CHICAGO + RTA, LA-COUNTY
        long localTaxes = RATES.stream().filter(r -> r.rate().region().equals(region) && !r.jurisdiction().isEmpty())
                .map(DatedTaxRate::jurisdiction).distinct().count();
        assertThat(found).hasSize(2 + (int) localTaxes);
    }

    static TaxableLine equipment(String amount) {
        return new TaxableLine(new InvoiceLine(LineType.ONE_TIME, "ONE_TIME:MODEM", "Modem", "sold", null, null,
                BigDecimal.ONE, "each", new BigDecimal(amount), new BigDecimal(amount)), TaxClass.EQUIPMENT_SALE);
    }

    private static DatedTaxRate federal(String country, String region) {
        return provincial(country, region, "GST", "GST", "TPS", "0.05", null, null);
    }

    private static DatedTaxRate provincial(String country, String region, String code, String en, String fr,
                                           String rate, LocalDate from, LocalDate to) {
        String registration = code.equals("GST") || code.equals("HST") ? GST_NO : null;
        return new DatedTaxRate("", new TaxRate(country, region, code, en, fr, new BigDecimal(rate), registration),
                from, to);
    }

    private static DatedTaxRate local(String country, String region, String jurisdiction, String code, String en,
                                      String rate, LocalDate from, LocalDate to) {
        return new DatedTaxRate(jurisdiction, new TaxRate(country, region, code, en, en, new BigDecimal(rate), null),
                from, to);
    }
}
