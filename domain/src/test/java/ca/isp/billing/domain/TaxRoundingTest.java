package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rounding rule of {@link TableTaxEngine}: each tax once per invoice on the sum of the lines
 * it applies to, half up to the cent. Lines here have no subscription, so their class is GENERAL
 * (taxed by every tax); late fees are LATE_FEE (not taxed by default); TAX lines are never taxed.
 */
class TaxRoundingTest {

    private static final TaxRate QC_GST = rate("CA", "QC", "GST", "GST", "TPS", "0.05", "123456789RT0001");
    private static final TaxRate QC_QST = rate("CA", "QC", "QST", "QST", "TVQ", "0.09975", "1234567890");
    private static final TaxRate ON_HST = rate("CA", "ON", "HST", "HST", "TVH", "0.13", null);
    private static final TaxRate BC_GST = rate("CA", "BC", "GST", "GST", "TPS", "0.05", null);
    private static final TaxRate BC_PST = rate("CA", "BC", "PST", "PST", "TVP", "0.07", null);
    private static final TaxRate OR_STATE = rate("US", "OR", "STATE", "Oregon sales tax", "Taxe de vente de l'Oregon",
            "0", null);

    private static final LocalDate DATE = LocalDate.of(2026, 11, 1);

    static Stream<Arguments> cases() {
        // label, invoice lines, rates, expected base, expected amount per rate (same order)
        return Stream.of(
                arguments("Quebec GST + QST", lines(recurring("89.98"), usage("12.34")), List.of(QC_GST, QC_QST),
                        "102.32",                   // 89.98 + 12.34 = 102.32
                        List.of("5.12",             // 102.32 * 0.05 = 5.116 -> 5.12
                                "10.21")),          // 102.32 * 0.09975 = 10.20642 -> 10.21
                arguments("Ontario HST", lines(recurring("89.98"), usage("12.34")), List.of(ON_HST),
                        "102.32",
                        List.of("13.30")),          // 102.32 * 0.13 = 13.3016 -> 13.30
                arguments("British Columbia GST + PST", lines(recurring("89.98"), usage("12.34")),
                        List.of(BC_GST, BC_PST),
                        "102.32",
                        List.of("5.12",             // 102.32 * 0.05 = 5.116 -> 5.12
                                "7.16")),           // 102.32 * 0.07 = 7.1624 -> 7.16
                arguments("a state with no sales tax", lines(recurring("89.98"), usage("12.34")), List.of(OR_STATE),
                        "102.32",
                        List.of("0.00")),           // 102.32 * 0 = 0.00, still a known jurisdiction
                arguments("a credit lowers the base", lines(recurring("89.98"), credit("-20.00")), List.of(ON_HST),
                        "69.98",                    // 89.98 - 20.00 = 69.98
                        List.of("9.10")),           // 69.98 * 0.13 = 9.0974 -> 9.10
                arguments("half a cent rounds up", lines(recurring("10.10")), List.of(BC_GST),
                        "10.10",
                        List.of("0.51")),           // 10.10 * 0.05 = 0.505 -> 0.51 (half even would give 0.50)
                arguments("late fees and taxes are not taxed",
                        lines(recurring("49.99"), lateFee("5.00"), tax("2.50")), List.of(BC_GST),
                        "49.99",                    // only the plan: 49.99
                        List.of("2.50")),           // 49.99 * 0.05 = 2.4995 -> 2.50
                arguments("rounded once per invoice, not per line",
                        lines(usage("0.10"), usage("0.10"), usage("0.10")), List.of(BC_GST),
                        "0.30",                     // 0.10 + 0.10 + 0.10 = 0.30
                        List.of("0.02")));          // 0.30 * 0.05 = 0.015 -> 0.02 (per line: 3 * 0.01 = 0.03)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void taxesTheTaxableLinesOncePerJurisdiction(String label, List<InvoiceLine> lines, List<TaxRate> rates,
                                                String base, List<String> amounts) {
        List<TaxAmount> taxes = tax(lines, rates);

        assertThat(taxes).extracting(TaxAmount::rate).containsExactlyElementsOf(rates);
        assertThat(taxes).extracting(TaxAmount::taxableBase).containsOnly(new BigDecimal(base));
        assertThat(taxes).extracting(TaxAmount::amount)
                .containsExactlyElementsOf(amounts.stream().map(BigDecimal::new).toList());
    }

    @Test
    void taxLineInEnglish() {
        TaxAmount qst = tax(lines(recurring("89.98"), usage("12.34")), List.of(QC_GST, QC_QST)).get(1);

        InvoiceLine line = qst.toLine(Language.EN);

        assertThat(line.type()).isEqualTo(LineType.TAX);
        assertThat(line.lineKey()).isEqualTo("TAX:QST");
        assertThat(line.description()).isEqualTo("QST 9.975% (no 1234567890)");
        assertThat(line.reason()).isEqualTo("QST 9.975% of taxable 102.32 = 10.21 (CA/QC)");
        assertThat(line.quantity()).isEqualTo(new BigDecimal("102.32"));
        assertThat(line.unit()).isEqualTo("%");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("9.975"));
        assertThat(line.amount()).isEqualTo(new BigDecimal("10.21"));
        assertThat(line.periodStart()).isNull();
    }

    @Test
    void taxLineInFrench() {
        List<TaxAmount> taxes = tax(lines(recurring("89.98"), usage("12.34")), List.of(QC_GST, QC_QST));

        assertThat(spaces(taxes.get(0).toLine(Language.FR).description())).isEqualTo("TPS 5 % (no 123456789RT0001)");
        assertThat(spaces(taxes.get(1).toLine(Language.FR).description())).isEqualTo("TVQ 9,975 % (no 1234567890)");
        // Operators read English whatever the invoice language.
        assertThat(taxes.get(1).toLine(Language.FR).reason()).isEqualTo("QST 9.975% of taxable 102.32 = 10.21 (CA/QC)");
    }

    @Test
    void wholePercentIsShownWithoutExponentOrDecimals() {
        InvoiceLine hst = tax(lines(recurring("100.00")), List.of(ON_HST)).get(0).toLine(Language.EN);

        assertThat(hst.description()).isEqualTo("HST 13%");                  // no registration printed
        assertThat(hst.unitPrice().toPlainString()).isEqualTo("13");         // 0.13 * 100, not 1.3E+1
        assertThat(hst.amount()).isEqualTo(new BigDecimal("13.00"));         // 100.00 * 0.13 = 13.00
    }

    @Test
    void noRatesMeansAnUnknownJurisdiction() {
        Address address = new Address("1 Main St", null, "Nowhere", null, "ZZ", "00000", "US");

        assertThatThrownBy(() -> engine(List.of(QC_GST)).tax(request(address, lines(recurring("10.00")))))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessage("no tax rates in force on 2026-11-01 for US/ZZ");
    }

    @Test
    void ratesOfAnotherJurisdictionAreNotApplied() {
        Address montreal = new Address("1 rue Sainte-Catherine", null, "Montréal", null, "QC", "H2X 1Y1", "CA");

        assertThatThrownBy(() -> engine(List.of(ON_HST)).tax(request(montreal, lines(recurring("10.00")))))
                .isInstanceOf(UnknownJurisdictionException.class)
                .hasMessage("no tax rates in force on 2026-11-01 for CA/QC");
        assertThat(engine(List.of(ON_HST, QC_GST, QC_QST)).tax(request(montreal, lines(recurring("10.00")))).taxes())
                .extracting(TaxAmount::amount)
                .containsExactly(new BigDecimal("0.50"),   // 10.00 * 0.05 = 0.50
                                 new BigDecimal("1.00"));  // 10.00 * 0.09975 = 0.9975 -> 1.00
    }

    @Test
    void rateMustBeAFraction() {
        assertThatThrownBy(() -> rate("CA", "QC", "QST", "QST", "TVQ", "9.975", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate must be a fraction");
    }

    private static TaxRate rate(String country, String region, String code, String en, String fr, String rate,
                                String registration) {
        return new TaxRate(country, region, code, en, fr, new BigDecimal(rate), registration);
    }

    /** The taxes of the lines at a service address in the rates' own region, on DATE. */
    private static List<TaxAmount> tax(List<InvoiceLine> lines, List<TaxRate> rates) {
        Address address = new Address("1 Main St", null, "City", null, rates.get(0).region(), null,
                rates.get(0).country());
        return engine(rates).tax(request(address, lines)).taxes();
    }

    private static TableTaxEngine engine(List<TaxRate> rates) {
        return new TableTaxEngine(new JurisdictionResolver(List.of()),
                rates.stream().map(r -> new DatedTaxRate("", r, null, null)).toList(), new Taxability(List.of()));
    }

    private static TaxRequest request(Address address, List<InvoiceLine> lines) {
        return new TaxRequest(address, DATE, LineTaxClasses.of(lines, Map.of()), List.of());
    }

    private static List<InvoiceLine> lines(InvoiceLine... lines) {
        return new ArrayList<>(List.of(lines));
    }

    private static InvoiceLine recurring(String amount) {
        return line(LineType.RECURRING, amount);
    }

    private static InvoiceLine usage(String amount) {
        return line(LineType.USAGE, amount);
    }

    private static InvoiceLine credit(String amount) {
        return line(LineType.CREDIT, amount);
    }

    private static InvoiceLine lateFee(String amount) {
        return line(LineType.LATE_FEE, amount);
    }

    private static InvoiceLine tax(String amount) {
        return line(LineType.TAX, amount);
    }

    private static InvoiceLine line(LineType type, String amount) {
        return new InvoiceLine(type, type + ":" + amount, type.name(), "test", null, null, BigDecimal.ONE, "each",
                new BigDecimal(amount), new BigDecimal(amount));
    }

    /** The JDK's French locale may use a no-break or narrow no-break space. */
    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
