package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TaxExemptionTest {

    private static final TaxRate GST = new TaxRate("CA", "QC", "GST", "GST", "TPS", new BigDecimal("0.05"), "123456789 RT0001");
    private static final TaxRate QST = new TaxRate("CA", "QC", "QST", "QST", "TVQ", new BigDecimal("0.09975"), null);
    private static final TaxRate NS_HST_15 = new TaxRate("CA", "NS", "HST", "HST", "TVH", new BigDecimal("0.15"), null);
    private static final TaxRate NS_HST_14 = new TaxRate("CA", "NS", "HST", "HST", "TVH", new BigDecimal("0.14"), null);
    private static final Address MONTREAL = new Address("1 rue Sainte-Catherine", null, "Montréal", null, "QC", "H2X 1Y4", "CA");

    private final TableTaxEngine engine = new TableTaxEngine(new JurisdictionResolver(List.of()),
            List.of(new DatedTaxRate("", GST, null, null), new DatedTaxRate("", QST, null, null),
                    new DatedTaxRate("", NS_HST_15, null, LocalDate.of(2025, 3, 31)),
                    new DatedTaxRate("", NS_HST_14, LocalDate.of(2025, 4, 1), null)),
            new Taxability(List.of()));

    @Test
    void aCertificateExemptsTheTaxesItNamesUntilItExpires() {
        TaxExemption firstNations = new TaxExemption("FN-0012345", Set.of("QST"), LocalDate.of(2026, 12, 31));
        List<TaxableLine> lines = List.of(TaxabilityTest.line("100.00", TaxClass.INTERNET_ACCESS));

        TaxResult covered = engine.tax(new TaxRequest(MONTREAL, LocalDate.of(2026, 12, 31), lines, List.of(firstNations)));
        // GST still applies: 100.00 * 0.05 = 5.00; QST exempt: 0.00, exempt base 100.00
        assertThat(covered.taxes().get(0).amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(covered.taxes().get(1).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(covered.taxes().get(1).exemptBase()).isEqualTo(new BigDecimal("100.00"));
        assertThat(covered.taxes().get(1).toLine(Language.EN).description())
                .isEqualTo("QST 9.975%: exempt, certificate FN-0012345");
        assertThat(covered.taxes().get(1).toLine(Language.FR).description())
                .isEqualTo("TVQ 9,975\u00A0% : exonéré, certificat FN-0012345");

        TaxResult expired = engine.tax(new TaxRequest(MONTREAL, LocalDate.of(2027, 1, 1), lines, List.of(firstNations)));
        // the day after expiry: 100.00 * 0.09975 = 9.975 -> 9.98
        assertThat(expired.taxes().get(1).amount()).isEqualTo(new BigDecimal("9.98"));
        assertThat(expired.taxes().get(1).exemption()).isNull();
    }

    @Test
    void aCertificateWithoutTaxCodesExemptsAll() {
        TaxExemption reseller = new TaxExemption("RESALE-77", Set.of(), null);
        TaxResult result = engine.tax(new TaxRequest(MONTREAL, LocalDate.of(2026, 11, 1),
                List.of(TaxabilityTest.line("49.99", TaxClass.EQUIPMENT_SALE)), List.of(reseller)));

        assertThat(result.taxes()).extracting(TaxAmount::amount).containsOnly(new BigDecimal("0.00"));
        assertThat(result.taxes()).extracting(TaxAmount::exemption).containsOnly("RESALE-77");
        assertThat(result.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theRateInForceOnTheInvoiceDateApplies() {
        Address halifax = new Address("1 Spring Garden Rd", null, "Halifax", null, "NS", "B3J 1A1", "CA");
        List<TaxableLine> lines = List.of(TaxabilityTest.line("89.99", TaxClass.INTERNET_ACCESS));

        // 89.99 * 0.15 = 13.4985 -> 13.50 on 2025-03-31; 89.99 * 0.14 = 12.5986 -> 12.60 on 2025-04-01
        assertThat(engine.tax(new TaxRequest(halifax, LocalDate.of(2025, 3, 31), lines, List.of())).total())
                .isEqualTo(new BigDecimal("13.50"));
        assertThat(engine.tax(new TaxRequest(halifax, LocalDate.of(2025, 4, 1), lines, List.of())).total())
                .isEqualTo(new BigDecimal("12.60"));
    }

    @Test
    void twoRatesOfOneTaxInForceAtOnceAreRefused() {
        TableTaxEngine overlapping = new TableTaxEngine(new JurisdictionResolver(List.of()),
                List.of(new DatedTaxRate("", NS_HST_15, null, null), new DatedTaxRate("", NS_HST_14, LocalDate.of(2025, 4, 1), null)),
                new Taxability(List.of()));
        Address halifax = new Address("1 Spring Garden Rd", null, "Halifax", null, "NS", "B3J 1A1", "CA");

        assertThatThrownBy(() -> overlapping.tax(new TaxRequest(halifax, LocalDate.of(2025, 4, 1),
                List.of(TaxabilityTest.line("10.00", TaxClass.VOIP)), List.of())))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessageContaining("two rates of tax HST in force on 2025-04-01");
        // and a date no rate covers is not a zero
        TableTaxEngine ended = new TableTaxEngine(new JurisdictionResolver(List.of()),
                List.of(new DatedTaxRate("", NS_HST_15, null, LocalDate.of(2025, 3, 31))), new Taxability(List.of()));
        assertThatThrownBy(() -> ended.tax(new TaxRequest(halifax, LocalDate.of(2025, 4, 1),
                List.of(TaxabilityTest.line("10.00", TaxClass.VOIP)), List.of())))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessage("no tax rates in force on 2025-04-01 for CA/NS (rates exist for other dates)");
    }
}
