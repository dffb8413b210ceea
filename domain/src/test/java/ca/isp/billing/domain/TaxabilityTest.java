package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which tax applies to which class, in every province and state the demo bills (QC, ON, BC, NY,
 * VT, ME, NH), with the demo's rules: BC PST exempts Internet access and a residential landline
 * (Bulletin PST 105); US Internet access is exempt by default (Internet Tax Freedom Act); late
 * fees are not taxed unless a rule says so.
 */
class TaxabilityTest {

    static final List<TaxabilityRule> DEMO_RULES = List.of(
            new TaxabilityRule("CA", "BC", "PST", TaxClass.INTERNET_ACCESS, false),
            new TaxabilityRule("CA", "BC", "PST", TaxClass.LANDLINE_RESIDENTIAL, false));

    private static final Taxability TAXABILITY = new Taxability(DEMO_RULES);

    static Stream<Arguments> cases() {
        // region, tax, then taxed? for INTERNET_ACCESS, VOIP, LANDLINE_RESIDENTIAL, EQUIPMENT_SALE,
        // EQUIPMENT_RENTAL, INSTALLATION, LATE_FEE, GENERAL
        return Stream.of(
                arguments("CA", "QC", "GST", "Y Y Y Y Y Y N Y"),
                arguments("CA", "QC", "QST", "Y Y Y Y Y Y N Y"),
                arguments("CA", "ON", "HST", "Y Y Y Y Y Y N Y"),
                arguments("CA", "BC", "GST", "Y Y Y Y Y Y N Y"),
                arguments("CA", "BC", "PST", "N Y N Y Y Y N Y"),
                arguments("US", "NY", "STATE", "N Y Y Y Y Y N Y"),
                arguments("US", "NY", "NYC", "N Y Y Y Y Y N Y"),
                arguments("US", "NY", "MCTD", "N Y Y Y Y Y N Y"),
                arguments("US", "VT", "STATE", "N Y Y Y Y Y N Y"),
                arguments("US", "ME", "STATE", "N Y Y Y Y Y N Y"),
                arguments("US", "NH", "STATE", "N Y Y Y Y Y N Y"));
    }

    @ParameterizedTest(name = "{0}/{1} {2}: {3}")
    @MethodSource("cases")
    void taxesEachClassAsTheRulesSay(String country, String region, String code, String expected) {
        TaxRate tax = new TaxRate(country, region, code, code, code, new BigDecimal("0.05"), null);
        String[] taxed = expected.split(" ");
        TaxClass[] classes = {TaxClass.INTERNET_ACCESS, TaxClass.VOIP, TaxClass.LANDLINE_RESIDENTIAL,
                TaxClass.EQUIPMENT_SALE, TaxClass.EQUIPMENT_RENTAL, TaxClass.INSTALLATION, TaxClass.LATE_FEE,
                TaxClass.GENERAL};
        assertThat(classes).hasSize(TaxClass.values().length);
        for (int i = 0; i < classes.length; i++) {
            assertThat(TAXABILITY.taxes(tax, classes[i])).as(classes[i].name()).isEqualTo(taxed[i].equals("Y"));
        }
    }

    @Test
    void aRuleTaxesLateFeesWhereTheProvinceSaysSo() {
        TaxRate hst = new TaxRate("CA", "ON", "HST", "HST", "TVH", new BigDecimal("0.13"), null);
        Taxability taxesFees = new Taxability(List.of(new TaxabilityRule("CA", "ON", "HST", TaxClass.LATE_FEE, true)));

        assertThat(TAXABILITY.taxes(hst, TaxClass.LATE_FEE)).isFalse();
        assertThat(taxesFees.taxes(hst, TaxClass.LATE_FEE)).isTrue();
    }

    @Test
    void aRuleCanTaxUsInternetAccessWhereTheLawAllowedItBefore() {
        // grandfathered states (until 2020-06-30) would have needed a rule: the default is the exemption
        TaxRate state = new TaxRate("US", "TX", "STATE", "Texas", "Texas", new BigDecimal("0.0625"), null);
        assertThat(new Taxability(List.of(new TaxabilityRule("US", "TX", "STATE", TaxClass.INTERNET_ACCESS, true)))
                .taxes(state, TaxClass.INTERNET_ACCESS)).isTrue();
    }

    @Test
    void bcPstOnAMixedInvoiceTaxesOnlyThePhoneAndTheModem() {
        TaxRate gst = new TaxRate("CA", "BC", "GST", "GST", "TPS", new BigDecimal("0.05"), null);
        TaxRate pst = new TaxRate("CA", "BC", "PST", "PST", "TVP", new BigDecimal("0.07"), null);
        TableTaxEngine engine = new TableTaxEngine(new JurisdictionResolver(List.of()),
                List.of(new DatedTaxRate("", gst, null, null), new DatedTaxRate("", pst, null, null)), TAXABILITY);
        List<TaxableLine> lines = List.of(
                line("79.95", TaxClass.INTERNET_ACCESS), line("24.95", TaxClass.VOIP),
                line("19.99", TaxClass.LANDLINE_RESIDENTIAL), line("120.00", TaxClass.EQUIPMENT_SALE),
                line("10.00", TaxClass.LATE_FEE));

        TaxResult result = engine.tax(new TaxRequest(new Address("1 Main St", null, "Vancouver", null, "BC",
                "V6B 1A1", "CA"), java.time.LocalDate.of(2026, 11, 1), lines, List.of()));

        TaxAmount gstAmount = result.taxes().get(0);
        // GST base: 79.95 + 24.95 + 19.99 + 120.00 = 244.89 (the late fee is not taxed); 244.89 * 0.05 = 12.2445 -> 12.24
        assertThat(gstAmount.taxableBase()).isEqualTo(new BigDecimal("244.89"));
        assertThat(gstAmount.exemptBase()).isEqualTo(new BigDecimal("10.00"));
        assertThat(gstAmount.amount()).isEqualTo(new BigDecimal("12.24"));
        TaxAmount pstAmount = result.taxes().get(1);
        // PST base: 24.95 + 120.00 = 144.95; 144.95 * 0.07 = 10.1465 -> 10.15
        // exempt: 79.95 + 19.99 + 10.00 = 109.94
        assertThat(pstAmount.taxableBase()).isEqualTo(new BigDecimal("144.95"));
        assertThat(pstAmount.exemptBase()).isEqualTo(new BigDecimal("109.94"));
        assertThat(pstAmount.amount()).isEqualTo(new BigDecimal("10.15"));
        // 12.24 + 10.15 = 22.39
        assertThat(result.total()).isEqualTo(new BigDecimal("22.39"));
    }

    static TaxableLine line(String amount, TaxClass taxClass) {
        return new TaxableLine(new InvoiceLine(LineType.RECURRING, "RECURRING:" + taxClass, taxClass.name(), "test",
                null, null, BigDecimal.ONE, "each", new BigDecimal(amount), new BigDecimal(amount)), taxClass);
    }
}
